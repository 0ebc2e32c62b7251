import EmailParser from 'email-reply-parser/lib/parser/emailparser';
import RegexList from 'email-reply-parser/lib/regex';

let applied = false;

/**
 * email-reply-parser 1.9 reverses a line character by character, and does it again for each of its
 * 29 quote-header patterns: on the ingest bench that was an eighth of the main thread's time. This
 * gives it the same answers with each line reversed once, by UTF-16 unit as before. Stopping at the
 * first matching pattern changes nothing: none of them carries the `g` flag, so `test` keeps no state.
 */
export function reverseEachLineOnce(): void {
  if (applied) return;
  applied = true;
  const prototype = EmailParser.prototype;
  prototype.stringReverse = (text: string) => text.split('').reverse().join('');
  prototype.isQuoteHeader = function isQuoteHeader(this: typeof prototype, line: string): boolean {
    const reversed = this.stringReverse(line);
    return RegexList.quoteHeadersRegex.some((pattern) => pattern.test(reversed));
  };
}
