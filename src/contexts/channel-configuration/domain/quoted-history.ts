import { escapeHtml } from './outgoing-email';
import type { AccountLocale } from './templates';

/** The message a reply answers, as the quote below the reply shows it. */
export interface QuotedMessage {
  /** Who wrote it: their name, or their address when the mail gave no name. */
  author: string;
  /** When it was written (its Date header), or received. */
  at: Date;
  text: string;
  /** Its HTML, already sanitized; null for a plain-text mail. */
  html: string | null;
}

export interface RenderedQuote {
  text: string;
  /** A fragment to put below the reply's own HTML. */
  html: string;
}

/** The attribution line and the note on a shortened quote, per language; another language gets English. */
const PHRASES: Record<string, { wrote: (date: string, time: string, author: string) => string; shortened: string }> = {
  en: { wrote: (date, time, author) => `On ${date} at ${time}, ${author} wrote:`, shortened: '[The quoted message was shortened.]' },
  de: { wrote: (date, time, author) => `Am ${date} um ${time} schrieb ${author}:`, shortened: '[Die zitierte Nachricht wurde gekürzt.]' },
};

/** Quoting grows the reply with the thread; past these bounds the quote is cut (text) or falls back to the text (HTML). */
export const QUOTE_BOUNDS = { textChars: 100_000, htmlChars: 200_000 } as const;

const AUTHOR_MAX = 200;

/**
 * The message answered, quoted the way mail clients do: `On <date>, <name> wrote:` in the account's
 * language and time zone, then the text with each line behind `> `, and the HTML in a
 * `<blockquote type="cite">`. Images the answered mail carried inline (cid:) are not sent again, so
 * they are left out rather than shown broken.
 */
export function quoteMessage(message: QuotedMessage, account: AccountLocale): RenderedQuote {
  const language = account.locale.toLowerCase().split(/[-_]/)[0];
  const phrases = PHRASES[language] ?? PHRASES.en;
  const locale = language in PHRASES ? account.locale : 'en';
  const date = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: account.timeZone }).format(message.at);
  const time = new Intl.DateTimeFormat(locale, { timeStyle: 'short', timeZone: account.timeZone }).format(message.at);
  const author = message.author.replace(/\s+/g, ' ').trim().slice(0, AUTHOR_MAX);
  const attribution = phrases.wrote(date, time, author);

  const shortened = message.text.length > QUOTE_BOUNDS.textChars;
  const text = shortened ? message.text.slice(0, message.text.lastIndexOf('\n', QUOTE_BOUNDS.textChars) + 1 || QUOTE_BOUNDS.textChars) : message.text;
  const lines = text.replace(/\r\n?/g, '\n').replace(/\n+$/, '').split('\n');
  const quotedText = [attribution, ...lines.map((line) => (line ? `> ${line}` : '>')), ...(shortened ? ['>', `> ${phrases.shortened}`] : [])].join('\n');

  const ownHtml = message.html !== null && message.html.trim() !== '' && message.html.length <= QUOTE_BOUNDS.htmlChars;
  const body = ownHtml
    ? withoutInlineImages(message.html as string)
    : `<div style="white-space:pre-wrap">${escapeHtml(lines.join('\n'))}</div>${shortened ? `<p>${escapeHtml(phrases.shortened)}</p>` : ''}`;
  // Wrapped as Gmail wraps its own quotes, so the contact's client and our thread fold the attribution with the quote.
  const quotedHtml =
    `<div class="gmail_quote"><p style="margin:16px 0 8px;color:#475569">${escapeHtml(attribution)}</p>` +
    `<blockquote type="cite" style="margin:0 0 0 .8ex;border-left:2px solid #cbd5e1;padding-left:1ex">${body}</blockquote></div>`;
  return { text: quotedText, html: quotedHtml };
}

/** The reply's text and HTML with the quote below them (inside the HTML document's body when it is one). */
export function withQuote(reply: { text: string; html: string }, quote: RenderedQuote | null): { text: string; html: string } {
  if (!quote) return reply;
  const bodyEnd = reply.html.search(/<\/body>/i);
  const html = bodyEnd === -1 ? `${reply.html}${quote.html}` : `${reply.html.slice(0, bodyEnd)}${quote.html}${reply.html.slice(bodyEnd)}`;
  return { text: `${reply.text.replace(/\s+$/, '')}\n\n${quote.text}`, html };
}

// Sanitized HTML quotes its attribute values, so an image's tag ends at the first `>` outside them.
const INLINE_IMAGE = /<img\b(?:[^>"']|"[^"]*"|'[^']*')*\bsrc\s*=\s*"cid:[^"]*"(?:[^>"']|"[^"]*"|'[^']*')*>/gi;
const withoutInlineImages = (html: string) => html.replace(INLINE_IMAGE, '');
