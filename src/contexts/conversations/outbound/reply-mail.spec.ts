import { createHash } from 'node:crypto';
import { simpleParser } from 'mailparser';
import { createTransport } from 'nodemailer';
import type { ReplyQueued } from '../domain/outgoing-reply';
import { replyMail } from './reply-mail';

const invoice = Buffer.from('%PDF-1.4 invoice 4711');
const logo = Buffer.from('\x89PNG logo bytes');
const hashOf = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

const reply: ReplyQueued['data'] = {
  conversationId: 'c1',
  accountId: 'a1',
  messageId: 'r-1',
  authorId: 'u1',
  from: { name: 'Anna from Acme', address: 'support@acme.inbox.test' },
  to: { name: 'Carla', address: 'carla@example.com' },
  replyTo: 'support+tok@acme.inbox.test',
  subject: 'Re: Brakes squeak',
  text: 'Invoice attached.',
  html: '<p>Invoice attached.</p><img src="cid:logo@inbox">',
  internetMessageId: '<r1@inbox.test>',
  inReplyTo: '<m1@example.com>',
  references: ['<m1@example.com>'],
  threadIndex: 'AQHZ',
  marker: '[ref:tok]',
  cc: [{ name: 'Dieter', address: 'dieter@example.com' }],
  bcc: [{ name: '', address: 'archive@acme.example' }],
  attachments: [
    { hash: hashOf(invoice), size: invoice.length, filename: 'invoice.pdf', contentType: 'application/pdf', contentId: null, inline: false },
    { hash: hashOf(logo), size: logo.length, filename: 'logo.png', contentType: 'image/png', contentId: '<logo@inbox>', inline: true },
  ],
  queuedAt: '2026-12-02T07:26:00.000Z',
};

async function raw(options: ReturnType<typeof replyMail>): Promise<{ message: Buffer; envelope: { to: string[] } }> {
  const transport = createTransport({ streamTransport: true, buffer: true });
  return (await transport.sendMail(options)) as unknown as { message: Buffer; envelope: { to: string[] } };
}

describe('the MIME message of a reply', () => {
  it('names Cc in the headers, Bcc only in the envelope, and carries each attachment as a part', async () => {
    const parts = new Map([
      [hashOf(invoice), invoice],
      [hashOf(logo), logo],
    ]);
    const sent = await raw(replyMail(reply, parts));
    expect(sent.envelope.to).toEqual(['carla@example.com', 'dieter@example.com', 'archive@acme.example']);
    expect(sent.message.toString()).not.toMatch(/^bcc:/im);

    const parsed = await simpleParser(sent.message);
    expect(parsed.cc).toMatchObject({ value: [{ name: 'Dieter', address: 'dieter@example.com' }] });
    const byName = new Map(parsed.attachments.map((a) => [a.filename, a]));
    expect(byName.get('invoice.pdf')).toMatchObject({ contentType: 'application/pdf', contentDisposition: 'attachment' });
    expect(byName.get('invoice.pdf')?.content.equals(invoice)).toBe(true);
    // Inline images travel in multipart/related, named by the cid the HTML uses.
    expect(byName.get('logo.png')).toMatchObject({ contentType: 'image/png', contentDisposition: 'inline', cid: 'logo@inbox' });
    expect(byName.get('logo.png')?.content.equals(logo)).toBe(true);
    expect(parsed.attachments).toHaveLength(2);
  });

  it('refuses to build a message whose attachment is missing from the blob store, rather than send it without', () => {
    expect(() => replyMail(reply, new Map([[hashOf(invoice), invoice]]))).toThrow('attachment logo.png is not in the blob store');
  });

  it('is the plain reply it always was when there are no copies or files', async () => {
    const { cc: _cc, bcc: _bcc, attachments: _attachments, ...plain } = reply;
    const sent = await raw(replyMail(plain));
    expect(sent.envelope.to).toEqual(['carla@example.com']);
    const parsed = await simpleParser(sent.message);
    expect(parsed.cc).toBeUndefined();
    expect(parsed.attachments).toEqual([]);
  });
});

describe('the MIME message of a plain-text-only reply', () => {
  it('has no HTML part when the reply has no html, and keeps the marker in its text', async () => {
    const plain = { ...reply, html: '', attachments: undefined, cc: undefined, bcc: undefined };
    const sent = await raw(replyMail(plain));
    const parsed = await simpleParser(sent.message);
    expect(parsed.html).toBe(false);
    expect(parsed.text).toBe('Invoice attached.\n\n[ref:tok]\n');
    expect(sent.message.toString()).toMatch(/^Content-Type: text\/plain/im);
    expect(sent.message.toString()).not.toMatch(/text\/html/i);
  });
});
