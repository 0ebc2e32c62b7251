import type { ReplyQueued } from '../domain/outgoing-reply';

/** Where replies leave the system: a relay over SMTP, or .eml files when none is configured. */
export interface OutboundMailer {
  readonly kind: 'smtp' | 'file';
  /** Resolves with the relay's answer once it has taken the message; rejects with its refusal. */
  send(reply: ReplyQueued['data']): Promise<{ response: string }>;
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
