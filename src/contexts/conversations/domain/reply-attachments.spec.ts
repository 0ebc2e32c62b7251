import { given } from '../../../shared/domain/decider.testing';
import { replyAttachments, uploadDecider, withInlineImages, type Upload, type UploadAttachment } from './reply-attachments';

const now = new Date('2026-12-07T10:00:00.000Z');
const HASH = 'a'.repeat(64);
const upload = (overrides: Partial<UploadAttachment> = {}): UploadAttachment => ({
  type: 'UploadAttachment',
  uploadId: 'u1',
  accountId: 'acc-1',
  uploaderId: 'user-1',
  hash: HASH,
  size: 1200,
  filename: 'invoice.pdf',
  contentType: 'application/pdf',
  inline: false,
  ownDomain: 'inbox.test',
  maxFileBytes: 10_000,
  now,
  ...overrides,
});
const uploaded = (overrides: Partial<Upload> = {}): Upload => ({
  uploadId: 'u1',
  accountId: 'acc-1',
  uploaderId: 'user-1',
  hash: HASH,
  size: 1200,
  filename: 'invoice.pdf',
  contentType: 'application/pdf',
  inline: false,
  contentId: null,
  uploadedAt: now.toISOString(),
  ...overrides,
});
const limits = { maxFileBytes: 10_000, maxReplyBytes: 3_000, maxFiles: 3 };

describe('uploading an attachment', () => {
  it('records the file with its name and type', () => {
    given(uploadDecider).when(upload({ contentType: 'Application/PDF; name=x' })).then([{ type: 'AttachmentUploaded', data: uploaded() }]);
  });

  it('gives a pasted image a Content-ID in the own domain; anything else pasted stays a file', () => {
    given(uploadDecider)
      .when(upload({ filename: 'image.png', contentType: 'image/png', inline: true }))
      .then([{ type: 'AttachmentUploaded', data: uploaded({ filename: 'image.png', contentType: 'image/png', inline: true, contentId: 'u1@inbox.test' }) }]);
    given(uploadDecider).when(upload({ inline: true })).then([{ type: 'AttachmentUploaded', data: uploaded() }]);
  });

  it('treats a file without a declared type as bytes', () => {
    given(uploadDecider).when(upload({ contentType: '' })).then([{ type: 'AttachmentUploaded', data: uploaded({ contentType: 'application/octet-stream' }) }]);
  });

  it('records an upload once', () => {
    given(uploadDecider, [{ type: 'AttachmentUploaded', data: uploaded() }]).when(upload()).then([]);
  });

  it.each([
    [{ size: 10_001 }, 'file must be at most 10000 bytes (the limit per file)'],
    [{ filename: '../etc/passwd' }, 'file must have a name'],
    [{ filename: 'invoice\u202efdp.exe' }, 'file must have a name'],
    [{ filename: ' ' }, 'file must have a name'],
    [{ contentType: 'pdf' }, 'file must have a content type of the form type/subtype'],
  ])('refuses %o, naming the file', (overrides, message) => {
    given(uploadDecider).when(upload(overrides)).thenFails({ field: 'file', message: expect.stringContaining(message) });
  });
});

describe('the attachments of a reply', () => {
  const uploads = new Map<string, Upload | null>([
    ['u1', uploaded()],
    ['u2', uploaded({ uploadId: 'u2', uploaderId: 'user-2', filename: 'photo.png', contentType: 'image/png', inline: true, contentId: 'u2@inbox.test', size: 1000 })],
    ['other', uploaded({ uploadId: 'other', accountId: 'acc-2' })],
    ['big', uploaded({ uploadId: 'big', size: 2000 })],
  ]);

  it('are the uploads the ids name, by anyone of the account, in order', () => {
    expect(replyAttachments(['u2', 'u1'], uploads, 'acc-1', limits)).toEqual([
      { hash: HASH, size: 1000, filename: 'photo.png', contentType: 'image/png', contentId: 'u2@inbox.test', inline: true },
      { hash: HASH, size: 1200, filename: 'invoice.pdf', contentType: 'application/pdf', contentId: null, inline: false },
    ]);
  });

  it.each([
    [['other'], 'attachmentIds names an unknown upload (other)'],
    [['missing'], 'attachmentIds names an unknown upload (missing)'],
    [['u1', 'u1'], 'attachmentIds must name each upload once'],
    [['u1', 'u2', 'big', 'x'], 'attachmentIds may name at most 3 files per reply'],
    [['u1', 'big'], 'attachmentIds add up to 3200 bytes; a reply may carry at most 3000 bytes of files'],
  ])('refuses %o, naming attachmentIds', (ids, message) => {
    expect(() => replyAttachments(ids, uploads, 'acc-1', limits)).toThrow(expect.objectContaining({ field: 'attachmentIds', message }));
  });
});

describe('inline images in the reply', () => {
  const image = { hash: HASH, size: 1, filename: 'a.png', contentType: 'image/png', contentId: 'u2@inbox.test', inline: true };
  const file = { ...image, filename: 'a.pdf', contentType: 'application/pdf', contentId: null, inline: false };

  it('go below the text when the HTML does not place them', () => {
    expect(withInlineImages('<html><body><p>Hi</p></body></html>', [image, file])).toBe(
      '<html><body><p>Hi</p><p style="margin:0 0 16px"><img src="cid:u2@inbox.test" alt="" style="max-width:100%"></p></body></html>',
    );
  });

  it('stay where the HTML already references them', () => {
    expect(withInlineImages('<p><img src="cid:u2@inbox.test"></p>', [image])).toBe('<p><img src="cid:u2@inbox.test"></p>');
  });
});
