/**
 * The classes mail clients put on parts of a message, which the HTML sanitizer keeps and the thread
 * view reads: one list for both, so what is kept is what is folded. Plain data, imported by the web
 * app as well.
 */

/** Quoted history: folded away until asked for, with every `blockquote`. */
export const QUOTED_TEXT_CLASSES = ['gmail_quote', 'yahoo_quoted', 'moz-cite-prefix'] as const;

/** Every class the sanitizer keeps: the quoted history's, signatures, attribution lines and headers. */
export const MAIL_CLIENT_CLASSES: readonly string[] = [
  ...QUOTED_TEXT_CLASSES,
  'gmail_signature',
  'gmail_attr',
  'moz-signature',
  'OutlookMessageHeader',
];

/** The CSS selector of quoted history in sanitized mail HTML. */
export const QUOTED_TEXT_SELECTOR = ['blockquote', ...QUOTED_TEXT_CLASSES.map((name) => `.${name}`)].join(', ');

const quotedMarker = new RegExp(`<blockquote|${QUOTED_TEXT_CLASSES.join('|')}`, 'i');

/** Whether sanitized mail HTML has quoted history to fold. */
export const hasQuotedText = (html: string): boolean => quotedMarker.test(html);
