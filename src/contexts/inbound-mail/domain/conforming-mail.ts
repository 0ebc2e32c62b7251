import {
  contentTypeOf,
  fileNameOf,
  headerTokenOf,
  instantOf,
  MAIL_LIMITS,
  mailAddressesOf,
  mailAddressOf,
  messageIdListOf,
  oneLineOf,
  sizeOf,
} from './mail-fields';
import { MailKind, type MailAttachment, type ParsedMail, type StoredPart } from './inbound-mail.events';

// Any value made into the mail shapes the schemas accept, field by field with the rules of
// mail-fields.ts. Intake applies it to what the parser returned; the upcasters to what earlier
// builds stored. It never mutates what it is given.

type Loose = Record<string, unknown>;
const loose = (value: unknown): Loose => (value && typeof value === 'object' ? (value as Loose) : {});
const isStored = (value: unknown): boolean => typeof loose(value).hash === 'string' && loose(value).hash !== '';

export function conformingStoredPart(value: unknown): StoredPart | null {
  if (!isStored(value)) return null;
  const part = loose(value);
  return { hash: part.hash as string, size: sizeOf(part.size) };
}

export function conformingAttachment(value: unknown): MailAttachment | null {
  const stored = conformingStoredPart(value);
  if (!stored) return null;
  const attachment = loose(value);
  return {
    ...stored,
    filename: fileNameOf(attachment.filename),
    contentType: contentTypeOf(attachment.contentType),
    contentId: headerTokenOf(typeof attachment.contentId === 'string' ? attachment.contentId.replace(/^<|>$/g, '') : null),
    inline: attachment.inline === true,
  };
}

export function conformingOmitted(value: unknown): ParsedMail['omitted'][number] {
  const omitted = loose(value);
  return { filename: fileNameOf(omitted.filename), size: sizeOf(omitted.size), reason: typeof omitted.reason === 'string' ? omitted.reason : 'left out' };
}

const listOf = <T>(value: unknown, conform: (item: unknown) => T | null): T[] =>
  Array.isArray(value) ? value.map(conform).filter((item): item is T => item !== null) : [];

/** The fields an inbound message shares with the parsed mail it came from (threading copies them). */
export function conformingMailFields(value: unknown) {
  const mail = loose(value);
  return {
    threadIndex: headerTokenOf(mail.threadIndex, MAIL_LIMITS.threadIndex),
    from: mailAddressOf(mail.from),
    to: mailAddressesOf(mail.to),
    cc: mailAddressesOf(mail.cc),
    subject: oneLineOf(mail.subject, MAIL_LIMITS.subject),
    sentAt: instantOf(mail.sentAt),
    text: conformingStoredPart(mail.text),
    html: conformingStoredPart(mail.html),
    replyText: typeof mail.replyText === 'string' ? mail.replyText : '',
    attachments: listOf(mail.attachments, conformingAttachment),
    omitted: listOf(mail.omitted, conformingOmitted),
  };
}

/**
 * Fields this does not know (one a later change adds to the mapping before it adds it here) are
 * kept as they are, not dropped: the schema ignores them until it names them.
 */
export function conformingParsedMail(value: unknown): ParsedMail {
  const mail = loose(value);
  const kind = MailKind.safeParse(mail.kind);
  const confirmation = loose(mail.providerConfirmation);
  const textOrNull = (text: unknown) => (typeof text === 'string' ? text : null);
  return {
    ...mail,
    messageId: headerTokenOf(mail.messageId),
    inReplyTo: messageIdListOf(mail.inReplyTo),
    references: messageIdListOf(mail.references),
    replyTo: mailAddressesOf(mail.replyTo),
    ...conformingMailFields(mail),
    kind: kind.success ? kind.data : 'mail',
    bouncedMessageId: headerTokenOf(mail.bouncedMessageId),
    providerConfirmation:
      confirmation.provider === 'gmail' ? { provider: 'gmail', code: textOrNull(confirmation.code), link: textOrNull(confirmation.link) } : null,
  };
}
