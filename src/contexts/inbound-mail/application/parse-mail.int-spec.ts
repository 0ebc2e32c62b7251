import { join } from 'node:path';
import { BlobStore } from '../../../shared/blobs/blob-store';
import { makeTempDir } from '../../../../test/support/temp-dir';
import { parseMail } from './parse-mail';

describe('parseMail', () => {
  const dir = makeTempDir('inbox-parse-');
  const blobs = new BlobStore(join(dir.path, 'blobs.db'));
  afterAll(async () => {
    await blobs.close();
    dir.cleanup();
  });

  const withAttachments = (sizes: number[]) =>
    Buffer.from(
      [
        'From: Carla <carla@example.com>',
        'Subject: files',
        'MIME-Version: 1.0',
        'Content-Type: multipart/mixed; boundary="b"',
        '',
        '--b',
        'Content-Type: text/plain',
        '',
        'see attached',
        ...sizes.flatMap((size, i) => ['--b', `Content-Type: application/octet-stream; name="f${i}.bin"`, `Content-Disposition: attachment; filename="f${i}.bin"`, '', 'x'.repeat(size)]),
        '--b--',
        '',
      ].join('\r\n'),
    );

  it('keeps attachments as blobs and lists those left out, with the reason', async () => {
    const { mail, stored } = await parseMail(withAttachments([10, 5000, 20, 30]), blobs, 'inbox.test', { maxAttachments: 2, maxAttachmentBytes: 1000 });
    await stored;
    expect(mail.attachments.map((a) => [a.filename, a.size])).toEqual([
      ['f0.bin', 10],
      ['f2.bin', 20],
    ]);
    expect(mail.omitted).toEqual([
      { filename: 'f1.bin', size: 5000, reason: 'larger than 1000 bytes' },
      { filename: 'f3.bin', size: 30, reason: 'more than 2 attachments' },
    ]);
    expect((await blobs.get(mail.attachments[1].hash)).toString()).toBe('x'.repeat(20));
  });
});
