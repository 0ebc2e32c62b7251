import { z } from 'zod';
import type { Event } from '../../../shared/domain/event-envelope';
import { Timestamp } from '../../../shared/domain/event-schema';
import { SenderAuthentication } from './sender-authentication';
import { ADDRESS_PATTERN, CONTENT_TYPE_PATTERN, FILE_NAME_PATTERN, HEADER_TOKEN_PATTERN, ISO_INSTANT_PATTERN, MAIL_LIMITS } from './mail-fields';

// The shapes of a parsed mail, as schemas: each type below is inferred from its schema. The rules
// (patterns, bounds) are those of mail-fields.ts, which intake and the upcasters apply.

const HeaderToken = (max: number) => z.string().min(1).max(max).regex(HEADER_TOKEN_PATTERN, 'expected no whitespace or control characters');
const MessageId = HeaderToken(MAIL_LIMITS.messageId);

export const MailAddress = z.object({
  name: z.string().max(MAIL_LIMITS.displayName),
  /** Lowercased. */
  address: z.string().max(MAIL_LIMITS.address).regex(ADDRESS_PATTERN, 'expected an email address'),
});
export type MailAddress = z.infer<typeof MailAddress>;

/** Bytes in the blob store, named by their sha256. */
export const StoredPart = z.object({ hash: z.string().min(1), size: z.int().nonnegative() });
export type StoredPart = z.infer<typeof StoredPart>;

export const FileName = z.string().max(MAIL_LIMITS.fileName).regex(FILE_NAME_PATTERN, 'expected a file name without a path, controls or bidi characters');
export const ContentType = z.string().max(MAIL_LIMITS.contentType).regex(CONTENT_TYPE_PATTERN, 'expected a lowercase type/subtype');

export const MailAttachment = StoredPart.extend({
  filename: FileName.nullable(),
  contentType: ContentType,
  /** Content-ID for inline images referenced as cid: in the HTML. */
  contentId: MessageId.nullable(),
  inline: z.boolean(),
});
export type MailAttachment = z.infer<typeof MailAttachment>;

/** An attachment left out (too many, too big), so the thread can say so. */
export const OmittedPart = z.object({ filename: FileName.nullable(), size: z.int().nonnegative(), reason: z.string() });

/** `feedback-report`: a mailbox provider's abuse report (ARF, RFC 5965) about a mail we sent. */
export const MailKind = z.enum(['mail', 'auto-reply', 'bounce', 'feedback-report', 'loop', 'provider-confirmation']);
export type MailKind = z.infer<typeof MailKind>;

export const MessageIdList = z.array(MessageId).max(MAIL_LIMITS.messageIds);
export const AddressList = z.array(MailAddress).max(MAIL_LIMITS.addresses);
export const Subject = z.string().max(MAIL_LIMITS.subject);
/** When the sender says the mail was written: ISO 8601 in UTC, or null when its Date header is missing or invalid. */
export const SentAt = z.string().regex(ISO_INSTANT_PATTERN, 'expected an ISO 8601 instant in UTC').nullable();
export const ThreadIndex = HeaderToken(MAIL_LIMITS.threadIndex);

/** Which bodies intake cut to its bounds. */
export const BodyTruncation = z.object({ text: z.literal(true).optional(), html: z.literal(true).optional() });

export const ParsedMail = z.object({
  messageId: MessageId.nullable(),
  inReplyTo: MessageIdList,
  references: MessageIdList,
  /** Outlook's conversation header, kept for threading replies that drop In-Reply-To. */
  threadIndex: ThreadIndex.nullable(),
  from: MailAddress.nullable(),
  replyTo: AddressList,
  to: AddressList,
  cc: AddressList,
  subject: Subject,
  sentAt: SentAt,
  text: StoredPart.nullable(),
  /** Sanitized on the server; remote images replaced until the agent allows them. */
  html: StoredPart.nullable(),
  /** The new part of a reply (quoted text and signature folded away), for previews and search. */
  replyText: z.string(),
  attachments: z.array(MailAttachment),
  omitted: z.array(OmittedPart),
  kind: MailKind,
  /** For bounces: the Message-ID of the message that could not be delivered, when the report names it. */
  bouncedMessageId: MessageId.nullable(),
  providerConfirmation: z.object({ provider: z.literal('gmail'), code: z.string().nullable(), link: z.string().nullable() }).nullable(),
  /**
   * A body cut to MAIL_BOUNDS before it was kept (text: its text part, html: its HTML part), so the
   * thread can say the message was shortened; the raw message holds all of it. Absent when nothing was cut.
   */
  truncated: BodyTruncation.optional(),
});
export type ParsedMail = z.infer<typeof ParsedMail>;

/** What every mail taken in has, parsed or not: which account, to whom, how, its raw bytes and when. */
const Received = {
  inboundId: z.string().min(1),
  accountId: z.string().min(1),
  recipients: z.array(z.string()),
  via: z.enum(['smtp', 'http']),
  raw: StoredPart,
  receivedAt: Timestamp,
};

/** Accepted for the account and parsed: the fact everything downstream (threading, contacts) reacts to. */
export const InboundMailAcceptedData = z.object({
  ...Received,
  /** The email channel was switched off: kept and shown, never answered by email. */
  receivedWhileDisabled: z.boolean(),
  mail: ParsedMail,
  /** SPF, DKIM, DMARC and ARC at intake; absent on mail taken in before sender verification. */
  authentication: SenderAuthentication.optional(),
});
export type InboundMailAccepted = Event<'InboundMailAccepted', z.infer<typeof InboundMailAcceptedData>>;

/** Accepted (the raw bytes are kept) but it could not be parsed or recorded: it waits in the failed-mail queue. */
export const InboundMailFailedData = z.object({ ...Received, reason: z.string() });
export type InboundMailFailed = Event<'InboundMailFailed', z.infer<typeof InboundMailFailedData>>;

/** Parsed, but nowhere to put it (no sender, an auto-reply to nothing we know): it waits in the failed-mail queue. */
export const InboundMailUnroutedData = z.object({ inboundId: z.string().min(1), accountId: z.string().min(1), reason: z.string() });
export type InboundMailUnrouted = Event<'InboundMailUnrouted', z.infer<typeof InboundMailUnroutedData>>;

export type InboundMailEvent = InboundMailAccepted | InboundMailFailed | InboundMailUnrouted;

export const inboundMailStream = (inboundId: string) => `inboundmail-${inboundId}`;
