// email-reply-parser 1.x ships no types; this is the part we use.
declare module 'email-reply-parser' {
  interface ParsedEmail {
    getVisibleText(): string;
    getQuotedText(): string;
  }
  class EmailReplyParser {
    read(text: string): ParsedEmail;
  }
  export = EmailReplyParser;
}
