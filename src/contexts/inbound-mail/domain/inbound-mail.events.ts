import type { Event } from '../../../shared/domain/event-envelope';

export interface MailAddress {
  name: string;
  /** Lowercased. */
  address: string;
}

/** Bytes in the blob store, named by their sha256. */
export interface StoredPart {
  hash: string;
  size: number;
}

export interface MailAttachment extends StoredPart {
  filename: string | null;
  contentType: string;
  /** Content-ID for inline images referenced as cid: in the HTML. */
  contentId: string | null;
  inline: boolean;
}

/** `feedback-report`: a mailbox provider's abuse report (ARF, RFC 5965) about a mail we sent. */
export type MailKind = 'mail' | 'auto-reply' | 'bounce' | 'feedback-report' | 'loop' | 'provider-confirmation';

export interface ParsedMail {
  messageId: string | null;
  inReplyTo: string[];
  references: string[];
  /** Outlook's conversation header, kept for threading replies that drop In-Reply-To. */
  threadIndex: string | null;
  from: MailAddress | null;
  replyTo: MailAddress[];
  to: MailAddress[];
  cc: MailAddress[];
  subject: string;
  sentAt: string | null;
  text: StoredPart | null;
  /** Sanitized on the server; remote images replaced until the agent allows them. */
  html: StoredPart | null;
  /** The new part of a reply (quoted text and signature folded away), for previews and search. */
  replyText: string;
  attachments: MailAttachment[];
  /** Attachments left out (too many, too big), so the thread can say so. */
  omitted: Array<{ filename: string | null; size: number; reason: string }>;
  kind: MailKind;
  /** For bounces: the Message-ID of the message that could not be delivered, when the report names it. */
  bouncedMessageId: string | null;
  providerConfirmation: { provider: 'gmail'; code: string | null; link: string | null } | null;
  /**
   * A body cut to MAIL_BOUNDS before it was kept (text: its text part, html: its HTML part), so the
   * thread can say the message was shortened; the raw message holds all of it. Absent when nothing was cut.
   */
  truncated?: { text?: true; html?: true };
}

/** Accepted for the account and parsed: the fact everything downstream (threading, contacts) reacts to. */
export type InboundMailAccepted = Event<
  'InboundMailAccepted',
  {
    inboundId: string;
    accountId: string;
    recipients: string[];
    via: 'smtp' | 'http';
    raw: StoredPart;
    receivedAt: string;
    /** The email channel was switched off: kept and shown, never answered by email. */
    receivedWhileDisabled: boolean;
    mail: ParsedMail;
  }
>;

/** Accepted (the raw bytes are kept) but it could not be parsed: it waits in the failed-mail queue. */
export type InboundMailFailed = Event<
  'InboundMailFailed',
  { inboundId: string; accountId: string; recipients: string[]; via: 'smtp' | 'http'; raw: StoredPart; receivedAt: string; reason: string }
>;

/** Parsed, but nowhere to put it (no sender, an auto-reply to nothing we know): it waits in the failed-mail queue. */
export type InboundMailUnrouted = Event<'InboundMailUnrouted', { inboundId: string; accountId: string; reason: string }>;

export type InboundMailEvent = InboundMailAccepted | InboundMailFailed | InboundMailUnrouted;

export const inboundMailStream = (inboundId: string) => `inboundmail-${inboundId}`;
