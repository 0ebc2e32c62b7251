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

// Its internals, for reply-parser-speedup.ts (the version is pinned with ~).
declare module 'email-reply-parser/lib/parser/emailparser' {
  class EmailParser {
    stringReverse(text: string): string;
    isQuoteHeader(line: string): boolean;
    fixBrokenSignatures(text: string): string;
  }
  export = EmailParser;
}

declare module 'email-reply-parser/lib/regex' {
  const RegexList: { quoteHeadersRegex: RegExp[] };
  export = RegexList;
}
