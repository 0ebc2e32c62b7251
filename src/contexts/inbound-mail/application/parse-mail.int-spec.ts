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

  it('keeps and converts only the bounded part of a long HTML-only body, and says so', async () => {
    const html = '<p>Hello <b>there</b> friend</p>\r\n'.repeat(60_000);
    const raw = Buffer.from(['From: Carla <carla@example.com>', 'Subject: newsletter', 'MIME-Version: 1.0', 'Content-Type: text/html; charset=utf-8', '', html, ''].join('\r\n'));
    const { mail, stored } = await parseMail(raw, blobs, 'inbox.test', { maxAttachments: 10, maxAttachmentBytes: 1_000_000 });
    await stored;
    expect(mail.truncated).toEqual({ text: true, html: true });
    expect(mail.replyText.startsWith('Hello there friend')).toBe(true);
    // Cut at 500,000 characters; the sanitizer closes what the cut left open.
    expect(mail.html?.size).toBeLessThan(500_100);
    expect((await blobs.get(mail.text?.hash as string)).toString('utf8')).toHaveLength(100_000);
  });

  it('records nothing as cut for a mail within the bounds', async () => {
    const { mail, stored } = await parseMail(withAttachments([10]), blobs, 'inbox.test', { maxAttachments: 10, maxAttachmentBytes: 1000 });
    await stored;
    expect(mail).not.toHaveProperty('truncated');
  });

  it('finds the Message-ID a bounce returns, never reading an id past its line (a megabyte of unclosed ones took 33 s)', async () => {
    const returned = `Message-ID: <never-closed\r\n`.repeat(45_000) + 'Message-ID: <ours.1@inbox.test>\r\n';
    const raw = Buffer.from(
      [
        'From: Mail Delivery System <mailer-daemon@example.com>',
        'Subject: Undelivered Mail Returned to Sender',
        'MIME-Version: 1.0',
        'Content-Type: multipart/report; report-type=delivery-status; boundary="r"',
        '',
        '--r',
        'Content-Type: text/plain',
        '',
        'Your message could not be delivered.',
        '--r',
        'Content-Type: message/delivery-status',
        '',
        'Reporting-MTA: dns; mx.example.com',
        '',
        'Final-Recipient: rfc822; nobody@example.com',
        'Action: failed',
        'Status: 5.1.1',
        '--r',
        'Content-Type: text/rfc822-headers',
        '',
        returned,
        '--r--',
        '',
      ].join('\r\n'),
    );
    const started = performance.now();
    const { mail, stored } = await parseMail(raw, blobs, 'inbox.test', { maxAttachments: 10, maxAttachmentBytes: 2_000_000 });
    await stored;
    expect(performance.now() - started).toBeLessThan(2000);
    expect(mail.kind).toBe('bounce');
    expect(mail.bouncedMessageId).toBe('<ours.1@inbox.test>');
  });
});
