import type { MailAddress, MailKind } from './inbound-mail.events';

export interface ClassificationInput {
  /** Header names lowercased; values as text. */
  headers: ReadonlyMap<string, string>;
  from: MailAddress | null;
  subject: string;
  contentType: string;
  messageId: string | null;
  /** Our own domain (INBOX_DOMAIN): mail from it coming back is a loop. */
  ownDomain: string;
}

const AUTO_SUBJECT = /^(auto(matic)?[ -]?reply|out of (the )?office|abwesenheits|automatische antwort|r[ée]ponse automatique|absence)/i;
const MAILER_DAEMON = /^(mailer-daemon|postmaster|mail-daemon)@/i;

/** What a mail is, from its headers: only plain mail may create contacts or be answered. */
export function classifyMail(input: ClassificationInput): Exclude<MailKind, 'provider-confirmation'> | 'provider-confirmation' {
  const header = (name: string) => input.headers.get(name)?.toLowerCase().trim() ?? '';
  const from = input.from?.address ?? '';

  if (isGmailForwardingConfirmation(from, input.subject)) return 'provider-confirmation';
  const loopMarker = header('x-loop');
  const ownMessage = (input.messageId ?? '').toLowerCase().endsWith(`@${input.ownDomain}>`) || (input.messageId ?? '').toLowerCase().endsWith(`@${input.ownDomain}`);
  if ((loopMarker && loopMarker.includes(input.ownDomain)) || ownMessage) return 'loop';

  const contentType = input.contentType.toLowerCase();
  if (contentType.startsWith('multipart/report') && contentType.includes('feedback-report')) return 'feedback-report';
  if ((contentType.startsWith('multipart/report') && contentType.includes('delivery-status')) || (MAILER_DAEMON.test(from) && /deliver|undeliver|failure|returned/i.test(input.subject))) {
    return 'bounce';
  }
  // A read receipt (MDN) is sent by the client, not a person.
  if (contentType.startsWith('multipart/report') && contentType.includes('disposition-notification')) return 'auto-reply';
  const autoSubmitted = header('auto-submitted');
  if (autoSubmitted && autoSubmitted !== 'no') return 'auto-reply';
  if (input.headers.has('x-autoreply') || input.headers.has('x-autorespond') || input.headers.has('x-autoreply-from')) return 'auto-reply';
  // iCloud's vacation replies carry neither Auto-Submitted nor Precedence.
  if (header('x-apple-action') === 'vacation') return 'auto-reply';
  if (['auto_reply', 'auto-reply', 'bulk', 'junk', 'list'].includes(header('precedence')) && AUTO_SUBJECT.test(input.subject)) return 'auto-reply';
  if (header('x-auto-response-suppress').includes('all') && AUTO_SUBJECT.test(input.subject)) return 'auto-reply';
  return 'mail';
}

export function isGmailForwardingConfirmation(from: string, subject: string): boolean {
  return from === 'forwarding-noreply@google.com' && /forwarding confirmation/i.test(subject);
}

/** Gmail's forwarding confirmation carries a numeric code and a link; both go on the settings page. */
export function gmailConfirmation(text: string): { code: string | null; link: string | null } {
  const code = /confirmation code:\s*(\d{6,12})/i.exec(text)?.[1] ?? /\b(\d{9})\b/.exec(text)?.[1] ?? null;
  const link = /(https:\/\/(?:mail-settings|mail)\.google\.com\/\S+)/i.exec(text)?.[1] ?? null;
  return { code, link };
}
