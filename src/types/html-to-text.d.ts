// html-to-text (mailparser's own dependency, which it converts HTML-only mail with) ships no types;
// this is the part parse-mail.ts uses.
declare module 'html-to-text' {
  export function htmlToText(html: string, options?: { limits?: { maxDepth?: number } }): string;
}
