import { z } from 'zod';
import type { Decider } from '../../../shared/domain/decider';
import { InvalidInput } from '../../../shared/domain/domain-error';
import type { Event } from '../../../shared/domain/event-envelope';
import { Timestamp } from '../../../shared/domain/event-schema';
import { MailAttachment } from './mail-types';

/**
 * A file an agent uploaded for a reply, before the reply exists. Its bytes are in the blob store
 * when this is recorded; the stream (`upload-<id>`) belongs to the account, so a reply can only
 * attach what someone of its own account uploaded.
 */
export const AttachmentUploadedData = z.object({
  uploadId: z.string().min(1),
  accountId: z.string().min(1),
  uploaderId: z.string().min(1),
  hash: MailAttachment.shape.hash,
  size: MailAttachment.shape.size,
  filename: MailAttachment.shape.filename.unwrap(),
  contentType: MailAttachment.shape.contentType,
  /** A pasted image: shown in the reply's HTML (as `cid:`), not offered as a download. */
  inline: z.boolean(),
  /** The Content-ID an inline image is referenced by; null for a file. */
  contentId: MailAttachment.shape.contentId,
  uploadedAt: Timestamp,
});
export type AttachmentUploaded = Event<'AttachmentUploaded', z.infer<typeof AttachmentUploadedData>>;
export type Upload = AttachmentUploaded['data'];

export const uploadStream = (uploadId: string) => `upload-${uploadId}`;

/** What an agent may attach: each file, and a reply's files together (from configuration). */
export interface AttachmentLimits {
  maxFileBytes: number;
  maxReplyBytes: number;
  maxFiles: number;
}

export interface UploadAttachment {
  type: 'UploadAttachment';
  uploadId: string;
  accountId: string;
  uploaderId: string;
  /** The stored bytes' name and size. */
  hash: string;
  size: number;
  filename: string;
  /** As the client declared it; empty when it did not. */
  contentType: string;
  inline: boolean;
  /** The domain Content-IDs of inline images are made in. */
  ownDomain: string;
  maxFileBytes: number;
  now: Date;
}

const OCTET_STREAM = 'application/octet-stream';

export const uploadDecider: Decider<Upload | null, UploadAttachment, AttachmentUploaded> = {
  initialState: () => null,
  evolve: (state, event) => (event.type === 'AttachmentUploaded' ? event.data : state),
  decide: (command, state) => {
    if (state) return [];
    if (command.size > command.maxFileBytes) throw new InvalidInput('file', `file must be at most ${command.maxFileBytes} bytes (the limit per file)`, 'UPLOAD.TOO_LARGE');
    const filename = AttachmentUploadedData.shape.filename.safeParse(command.filename);
    if (!filename.success || command.filename.trim() === '') {
      throw new InvalidInput('file', 'file must have a name of at most 255 characters without a path, control or bidi characters');
    }
    const declared = command.contentType.split(';', 1)[0].trim().toLowerCase() || OCTET_STREAM;
    const contentType = AttachmentUploadedData.shape.contentType.safeParse(declared);
    if (!contentType.success) throw new InvalidInput('file', 'file must have a content type of the form type/subtype');
    const inline = command.inline && contentType.data.startsWith('image/');
    return [
      {
        type: 'AttachmentUploaded',
        data: {
          uploadId: command.uploadId,
          accountId: command.accountId,
          uploaderId: command.uploaderId,
          hash: command.hash,
          size: command.size,
          filename: filename.data,
          contentType: contentType.data,
          inline,
          contentId: inline ? `${command.uploadId}@${command.ownDomain}` : null,
          uploadedAt: command.now.toISOString(),
        },
      },
    ];
  },
};

/**
 * The files a reply attaches, from the ids its author gave: each an upload of the reply's account
 * (by anyone in it), named once, within the count and the per-reply bytes. `uploads` holds what the
 * log knows of each id (null: no such upload).
 */
export function replyAttachments(ids: readonly string[], uploads: ReadonlyMap<string, Upload | null>, accountId: string, limits: AttachmentLimits): MailAttachment[] {
  if (ids.length > limits.maxFiles) throw new InvalidInput('attachmentIds', `attachmentIds may name at most ${limits.maxFiles} files per reply`);
  if (new Set(ids).size !== ids.length) throw new InvalidInput('attachmentIds', 'attachmentIds must name each upload once');
  const attachments = ids.map((id) => {
    const upload = uploads.get(id);
    // Another account's upload is as unknown as a made-up id: its existence is not ours to tell.
    if (!upload || upload.accountId !== accountId) throw new InvalidInput('attachmentIds', `attachmentIds names an unknown upload (${id})`, 'UPLOAD.UNKNOWN');
    const { hash, size, filename, contentType, contentId, inline } = upload;
    return { hash, size, filename, contentType, contentId, inline };
  });
  const total = attachments.reduce((sum, attachment) => sum + attachment.size, 0);
  if (total > limits.maxReplyBytes) {
    throw new InvalidInput('attachmentIds', `attachmentIds add up to ${total} bytes; a reply may carry at most ${limits.maxReplyBytes} bytes of files`, 'UPLOAD.TOO_LARGE');
  }
  return attachments;
}

/**
 * The reply's HTML with each inline image it does not place itself: below the text, referenced by
 * its Content-ID, so the contact sees what the agent pasted where the composer showed it.
 */
export function withInlineImages(html: string, attachments: readonly MailAttachment[]): string {
  const images = attachments
    .filter((attachment) => attachment.inline && attachment.contentId && !html.includes(`cid:${attachment.contentId}`))
    .map((attachment) => `<p style="margin:0 0 16px"><img src="cid:${attachment.contentId}" alt="" style="max-width:100%"></p>`)
    .join('');
  if (!images) return html;
  return /<\/body>/i.test(html) ? html.replace(/<\/body>/i, `${images}</body>`) : `${html}${images}`;
}
