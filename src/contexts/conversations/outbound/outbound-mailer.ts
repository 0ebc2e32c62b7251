import type Mail from 'nodemailer/lib/mailer';
import type { ReplyQueued } from '../domain/outgoing-reply';
import type { ReplyParts } from './reply-mail';

/** A short machine-written mail to one person (a verification code, an invitation), not part of a conversation. */
export interface OutboundNotice {
  /** Names the .eml file in the file outbox. */
  id: string;
  from: { name: string; address: string };
  to: string | { name: string; address: string };
  subject: string;
  text: string;
  /** The same as HTML, when there is a formatted version. */
  html?: string;
}

/** Where replies leave the system: a relay over SMTP, or .eml files when none is configured. */
export interface OutboundMailer {
  readonly kind: 'smtp' | 'file';
  /** Resolves with the relay's answer once it has taken the message; rejects with its refusal. */
  send(reply: ReplyQueued['data'], parts: ReplyParts): Promise<{ response: string }>;
  /** The same path for a notice: sent now, by the caller, who reports a failure to whoever asked. */
  sendNotice(notice: OutboundNotice): Promise<{ response: string }>;
  close(): void;
}

export const OUTBOUND_MAILER = Symbol('OUTBOUND_MAILER');

/** Why a send failed, and whether trying the same message again can help. */
export function describeSendFailure(error: unknown): { error: string; permanent: boolean } {
  const failure = error as { responseCode?: number; response?: string; code?: string; message?: string };
  const permanent = typeof failure.responseCode === 'number' && failure.responseCode >= 500 && failure.responseCode < 600;
  const text = failure.response ?? [failure.code, failure.message].filter(Boolean).join(': ');
  return { error: text || String(error), permanent };
}

export function noticeMail(notice: OutboundNotice): Mail.Options {
  return {
    from: notice.from,
    to: notice.to,
    subject: notice.subject,
    text: notice.text,
    ...(notice.html ? { html: notice.html } : {}),
    // Machine-written: auto-responders must not answer it.
    headers: { 'Auto-Submitted': 'auto-generated' },
    envelope: { from: notice.from.address, to: [typeof notice.to === 'string' ? notice.to : notice.to.address] },
  };
}
