import { escapeHtml } from '../../../shared/domain/escape-html';
import { renderVariables, type SavedReplyValues } from '../../../shared/domain/template-variables';
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
  /** The sending agent's and the channel's signatures, as stored (variables unrendered); each is appended when set. */
  signatures?: { agent?: string | null; channel?: string | null };
  /** Values for the signatures' variables; `agent.name` defaults to agentName. */
  variables?: SavedReplyValues;
}

export interface RenderedEmail {
  from: string;
  fromName: string;
  subject: string;
  html: string;
  text: string;
  /** The signatures' HTML block alone (empty without one), for a body the agent wrote in HTML. */
  signatureHtml: string;
}

/**
 * The email as the contact receives it. The settings preview and real sends both call this, so
 * what the admin sees is what goes out.
 */
export function renderOutgoingEmail(input: OutgoingEmailInput): RenderedEmail {
  const fromName = renderFromName(input.fromNameTemplate, input.agentName);
  const subject = renderSubject(input.subjectTemplate, input.conversationStartedAt, input.account);
  const body = input.bodyText.replace(/\r\n?/g, '\n');
  const signatures = renderSignatures(input);
  const text = signatures.length === 0 ? body : `${body.replace(/\s+$/, '')}${body.trim() ? '\n\n' : ''}${SIGNATURE_DELIMITER}\n${signatures.join('\n\n')}`;
  const from = input.address ? `${quoteDisplayName(fromName)} <${input.address}>` : quoteDisplayName(fromName);
  const signatureBlock = signatureHtml(signatures);
  return { from, fromName, subject, html: htmlFrame((input.bodyHtml ?? paragraphsOf(body)) + signatureBlock), text, signatureHtml: signatureBlock };
}

/**
 * The conventional signature delimiter ("dash dash space" alone on a line), written once above the
 * agent's and the channel's signatures together: mail clients fold or strip everything below the
 * first one when quoting, and the channel's footer belongs to the signature block just as much.
 */
export const SIGNATURE_DELIMITER = '-- ';

/** The agent's, then the channel's signature, variables rendered, each only when it says something. */
export function renderSignatures(input: Pick<OutgoingEmailInput, 'signatures' | 'variables' | 'agentName'>): string[] {
  const values: SavedReplyValues = { 'agent.name': input.agentName, ...input.variables };
  return [input.signatures?.agent, input.signatures?.channel]
    .map((signature) => (signature ? renderVariables(signature, values).replace(/\r\n?/g, '\n').trim() : ''))
    .filter((signature) => signature.length > 0);
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

/** Signatures are plain text: escaped, line breaks kept, muted below the body as mail clients show them. */
function signatureHtml(signatures: string[]): string {
  if (signatures.length === 0) return '';
  const blocks = signatures.map((signature) => `<p style="margin:0 0 12px">${escapeHtml(signature).replace(/\n/g, '<br>')}</p>`).join('');
  return `<div class="signature" style="margin-top:24px;color:#475569">${SIGNATURE_DELIMITER}<br>${blocks}</div>`;
}

function htmlFrame(paragraphs: string): string {
  return (
    '<!doctype html><html><head><meta charset="utf-8"></head>' +
    '<body style="margin:0;padding:24px;background:#ffffff;font-family:-apple-system,Segoe UI,Roboto,Helvetica,Arial,sans-serif;font-size:15px;line-height:1.5;color:#0f172a">' +
    `<div style="max-width:600px">${paragraphs}</div></body></html>`
  );
}

export { escapeHtml };
