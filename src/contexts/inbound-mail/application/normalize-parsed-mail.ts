import type { Attachment } from 'mailparser';
import { conformingParsedMail } from '../domain/conforming-mail';
import type { MailAttachment, ParsedMail, StoredPart } from '../domain/inbound-mail.events';
import { contentTypeOf, fileNameOf, headerTokenOf, sizeOf } from '../domain/mail-fields';

// The boundary between mailparser and our events. mailparser's types promise more than it keeps
// (a part with a broken Content-Type comes back with `contentType: false`; names, dates and sizes
// can be missing or of another type), so nothing it returns reaches an event before passing the
// rules of mail-fields.ts here: content types, file names, addresses, dates, sizes, and bounded
// subject, Message-IDs and address lists.

/** An attachment kept in the blob store, described by what mailparser said about it. */
export function normalizedAttachment(attachment: Attachment, stored: StoredPart): MailAttachment {
  const contentId = (attachment as { contentId?: unknown }).contentId;
  return {
    hash: stored.hash,
    size: sizeOf(stored.size),
    filename: fileNameOf(attachment.filename),
    contentType: contentTypeOf(attachment.contentType),
    contentId: headerTokenOf(typeof contentId === 'string' ? contentId.replace(/^<|>$/g, '') : null),
    inline: attachment.contentDisposition === 'inline' || Boolean(attachment.related),
  };
}

/** An attachment left out, as the thread will name it. */
export function normalizedOmission(attachment: Attachment, reason: string): ParsedMail['omitted'][number] {
  return { filename: fileNameOf(attachment.filename), size: sizeOf(attachment.size), reason };
}

/** The whole parsed mail, every field made to pass ParsedMail's schema. */
export function normalizeParsedMail(mail: ParsedMail): ParsedMail {
  return conformingParsedMail(mail);
}
