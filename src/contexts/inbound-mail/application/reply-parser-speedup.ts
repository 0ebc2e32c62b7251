import EmailParser from 'email-reply-parser/lib/parser/emailparser';
import RegexList from 'email-reply-parser/lib/regex';

let applied = false;

/** Lines of text each quote-header pattern is tried on at once: a header broken over two or three lines is still found. */
const WINDOW_LINES = 3;

/**
 * email-reply-parser 1.9 reverses a line character by character, and does it again for each of its
 * 29 quote-header patterns: on the ingest bench that was an eighth of the main thread's time. This
 * gives it the same answers with each line reversed once, by UTF-16 unit as before. Stopping at the
 * first matching pattern changes nothing: none of them carries the `g` flag, so `test` keeps no state.
 *
 * Before it splits the text into lines it joins a quote header broken over lines, matching each
 * pattern against the whole text. Patterns such as `^Op\s[\s\S]+?schreef` then run from every line
 * that starts like them to the end of the text: time that grows with the square of the number of
 * lines. Here each pattern is tried on a few lines at a time, from the top, and the first match is
 * joined as the library does it; the time grows with the number of lines.
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
  prototype.fixBrokenSignatures = (text: string): string => {
    let fixed = text;
    let windows = windowsOf(fixed);
    for (const pattern of RegexList.quoteHeadersRegex) {
      const group = firstMatch(fixed, windows, pattern)?.[1];
      if (!group) continue;
      const joined = fixed.replace(group, group.replace(/\n/g, ' '));
      if (joined !== fixed) windows = windowsOf(joined);
      fixed = joined;
    }
    return fixed;
  };
}

/** For each line, the text from its start over the next few lines. */
function windowsOf(text: string): string[] {
  const lines = text.split('\n');
  return lines.map((_, i) => lines.slice(i, i + WINDOW_LINES).join('\n'));
}

/** The first match of a quote-header pattern in `text`, found a few lines at a time. */
function firstMatch(text: string, windows: string[], pattern: RegExp): RegExpMatchArray | null {
  // Without the m flag, ^ and $ are the ends of the text, and none of these patterns crosses a line
  // break outside \s: such a pattern matches a text of one line or nothing.
  if (!pattern.multiline) return text.includes('\n') ? null : text.match(pattern);
  for (const window of windows) {
    // Every multiline pattern starts with ^: a match in this window that starts on a later line is
    // found, with more lines after it, by the window that starts there.
    const match = window.match(pattern);
    if (match && match.index === 0) return match;
  }
  return null;
}
