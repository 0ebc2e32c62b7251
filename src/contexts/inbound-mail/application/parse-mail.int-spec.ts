import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BlobStore } from '../../../shared/blobs/blob-store';
import { makeTempDir } from '../../../../test/support/temp-dir';
import { parseMail } from './parse-mail';
import { ParsedMail } from '../domain/inbound-mail.events';

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

  it.each([
    ['mailgun-flanker/from-encoding.eml', 'from', 'Ingo Lütkebohle'],
    ['mikel-mail/invalid_subject_characters.eml', 'subject', 'Formação FrenetikPolis: Mega Campanha Final Verão | Cursos de Setembro'],
    ['mailgun-flanker/spam-broken-headers.eml', 'subject', 'Forget Asking For A Link Exchange…'],
  ])('reads raw 8-bit header text as Windows-1252 when it is not UTF-8 (%s)', async (file, header, expected) => {
    const raw = readFileSync(join(__dirname, '../../../../test/fixtures/corpus', file));
    const { mail, stored } = await parseMail(raw, blobs, 'inbox.test', { maxAttachments: 10, maxAttachmentBytes: 1_000_000 });
    await stored;
    expect(header === 'from' ? mail.from?.name : mail.subject).toBe(expected);
  });

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

  const limits = { maxAttachments: 10, maxAttachmentBytes: 1_000_000 };

  it('describes an attachment whose Content-Type is broken as application/octet-stream (mailparser says false)', async () => {
    const raw = readFileSync(join(__dirname, '../../../../test/fixtures/corpus/mailgun-flanker/spam-broken-ctype.eml'));
    const { mail, stored } = await parseMail(raw, blobs, 'inbox.test', limits);
    await stored;
    expect(mail.attachments).toEqual([expect.objectContaining({ filename: 'facejj.jpg', contentType: 'application/octet-stream' })]);
    expect(ParsedMail.safeParse(mail).success).toBe(true);
  });

  it('normalises what a hostile mail puts in names, types, addresses, dates and header lists', async () => {
    const references = Array.from({ length: 150 }, (_, i) => `<r${i}@example.com>`).join(' ');
    const raw = Buffer.from(
      [
        'From: "Evil\u0007 Sender" <Evil@Example.COM>',
        `To: ${'x'.repeat(400)}@example.com, Support <support@acme.inbox.test>`,
        'Subject: Hello',
        'Date: the day after tomorrow',
        `References: ${references}`,
        'MIME-Version: 1.0',
        'Content-Type: multipart/mixed; boundary="b"',
        '',
        '--b',
        'Content-Type: text/plain',
        '',
        'see attached',
        '--b',
        'Content-Type: Application/PDF; name="x.pdf"',
        'Content-Disposition: attachment; filename="../../etc/invoice\u202Efdp.exe"',
        '',
        'pdf',
        '--b--',
        '',
      ].join('\r\n'),
    );
    const { mail, stored } = await parseMail(raw, blobs, 'inbox.test', limits);
    await stored;
    expect(ParsedMail.safeParse(mail).success).toBe(true);
    expect(mail.from).toEqual({ name: 'Evil Sender', address: 'evil@example.com' });
    expect(mail.to).toEqual([{ name: 'Support', address: 'support@acme.inbox.test' }]);
    expect(mail.references).toHaveLength(100);
    expect(mail.references.at(-1)).toBe('<r149@example.com>');
    expect(mail.attachments).toEqual([expect.objectContaining({ contentType: 'application/pdf', filename: 'invoicefdp.exe' })]);
  });
});
