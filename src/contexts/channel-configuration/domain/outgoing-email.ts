import { escapeHtml } from '../../../shared/domain/escape-html';
import { renderFromName, renderSubject, type AccountLocale } from './templates';

export interface OutgoingEmailInput {
  fromNameTemplate: string;
  subjectTemplate: string;
  agentName: string;
  conversationStartedAt: Date;
  account: AccountLocale;
  /** The forwarding address the mail is sent from; null before one is claimed. */
  address: string | null;
  bodyText: string;
  /**
   * The body as HTML blocks (already safe: escaped or sanitized) to put in the frame, when the text is
   * formatted; without it the text's own paragraphs and line breaks, escaped.
   */
  bodyHtml?: string;
}

export interface RenderedEmail {
  from: string;
  fromName: string;
  subject: string;
  html: string;
  text: string;
}

/**
 * The email as the contact receives it. The settings preview and real sends both call this, so
 * what the admin sees is what goes out.
 */
export function renderOutgoingEmail(input: OutgoingEmailInput): RenderedEmail {
  const fromName = renderFromName(input.fromNameTemplate, input.agentName);
  const subject = renderSubject(input.subjectTemplate, input.conversationStartedAt, input.account);
  const text = input.bodyText.replace(/\r\n?/g, '\n');
  const from = input.address ? `${quoteDisplayName(fromName)} <${input.address}>` : quoteDisplayName(fromName);
  return { from, fromName, subject, html: htmlFrame(input.bodyHtml ?? paragraphsOf(text)), text };
}

/** RFC 5322 quoted-string for a display name: quotes and backslashes escaped. */
export function quoteDisplayName(name: string): string {
  return `"${name.replace(/(["\\])/g, '\\$1')}"`;
}

function paragraphsOf(text: string): string {
  return text
    .split(/\n{2,}/)
    .map((paragraph) => `<p style="margin:0 0 16px">${escapeHtml(paragraph).replace(/\n/g, '<br>')}</p>`)
    .join('');
}

function htmlFrame(paragraphs: string): string {
  return (
    '<!doctype html><html><head><meta charset="utf-8"></head>' +
    '<body style="margin:0;padding:24px;background:#ffffff;font-family:-apple-system,Segoe UI,Roboto,Helvetica,Arial,sans-serif;font-size:15px;line-height:1.5;color:#0f172a">' +
    `<div style="max-width:600px">${paragraphs}</div></body></html>`
  );
}

export { escapeHtml };
