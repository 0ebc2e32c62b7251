/**
 * How much of a mail's bodies the parsers get to see. Anyone can send mail, and the parsers behind
 * these bounds (quote detection, the HTML sanitizer) cost more than linear time in the length of a
 * line or the depth of the markup, so every body is cut to size before they see it and the parsed
 * mail records what was cut: the agent is told, and the whole original stays in the raw .eml.
 */
export const MAIL_BOUNDS = {
  /** Characters of the text body kept and shown: a hundred pages; a pasted log is cut. */
  textChars: 100_000,
  /** Characters of the HTML body sanitized and shown: five times what Gmail shows before it clips a mail. */
  htmlChars: 500_000,
  /** Open elements inside each other; mail from real clients, nested layout tables included, stays far below. */
  htmlDepth: 100,
  /**
   * Characters of a line the quote and signature patterns are tried on. Their backtracking grows
   * with the square of a line or worse ("On a a a …" on one line of 200 KB took 23 s); the lines
   * they look for ("On Mon, 23 Nov 2026 at 10:00, Anna <anna@example.com> wrote:") are far shorter.
   */
  quoteLineChars: 300,
} as const;

export interface Bounded {
  value: string;
  /** Something was left out. */
  cut: boolean;
}

/** The first `limit` characters (one fewer rather than half a surrogate pair). */
export function cutText(text: string, limit: number): Bounded {
  if (text.length <= limit) return { value: text, cut: false };
  const high = text.charCodeAt(limit - 1);
  const end = high >= 0xd800 && high <= 0xdbff ? limit - 1 : limit;
  return { value: text.slice(0, end), cut: true };
}
