import { randomUUID } from 'node:crypto';
import { signUp, startTestApi, type TestApi } from './support/api-app';
import { CaptureRelay, type CapturedMail } from './support/capture-relay';
import { eventually } from './support/eventually';
import { sendRaw, simpleMail } from './support/smtp-client';

// One reply with everything a customer's mail client looks at, at once: the Re: subject of a German
// thread, the quoted history, both signatures, two attachments, Cc and Bcc; then a forward to a
// workshop whose answer threads back as a third party's. Each feature has its own spec; this one
// proves they compose into one message, read back from a real SMTP relay with mailparser.

let api: TestApi;
let relay: CaptureRelay;
beforeAll(async () => {
  relay = await CaptureRelay.start();
  api = await startTestApi({ INBOX_DOMAIN: 'inbox.test', OUTBOUND_SMTP_URL: relay.url });
});
afterAll(async () => {
  await api.close();
  await relay.close();
});

type Agent = Awaited<ReturnType<typeof signUp>>['agent'];
interface ThreadMessage {
  id: string;
  direction: string;
  internetMessageId: string;
  deliveryStatus: string | null;
  party?: string | null;
  from: { address: string };
  attachments: Array<{ filename: string | null }>;
}
const thread = async (agent: Agent, id: string) => (await agent.get(`/api/conversations/${id}`)).body as { contact: { email: string }; messages: ThreadMessage[]; composer: { subject: string; cc: string[] } };

async function relayed(internetMessageId: string): Promise<CapturedMail> {
  const [mail] = await eventually(async () => relay.received.filter((m) => m.parsed.messageId === internetMessageId), (found) => found.length === 1, `the relay to get ${internetMessageId}`);
  return mail;
}

async function upload(agent: Agent, filename: string, contentType: string, bytes: Buffer, inline = false): Promise<string> {
  const answer = await agent.post('/api/uploads').field('inline', String(inline)).attach('file', bytes, { filename, contentType });
  expect(answer.status).toBe(201);
  return answer.body.attachmentId as string;
}

it('sends one reply with Re: subject, quote, signatures, two files, Cc and Bcc, and threads a forward’s answer back as a third party’s', async () => {
  const { agent } = await signUp(api, { ownerName: 'Anna Owner', locale: 'de', timeZone: 'Europe/Berlin', undoSendSeconds: 0 });
  const address = (await agent.post('/api/channels/email/forwarding-address').send({ username: 'werkstatt', subdomain: `mc${Date.now().toString(36)}` })).body.address as string;
  expect((await agent.patch('/api/me').send({ signature: 'Anna Owner\nKundendienst' })).status).toBe(200);
  expect((await agent.patch('/api/channels/email').send({ signature: 'Autohaus Acme · Hauptstraße 1' })).status).toBe(200);

  const carlasMail = [
    'From: Carla Kundin <carla@example.de>',
    `To: ${address}`,
    'Cc: Dieter Kunde <dieter@example.de>',
    'Subject: AW: AW: Bremsen quietschen nach Reparatur',
    `Message-ID: <bremsen.${randomUUID()}@example.de>`,
    'Date: Wed, 02 Dec 2026 07:26:00 +0100',
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: 8bit',
    '',
    'Die Bremsen quietschen immer noch.',
    '',
  ].join('\r\n');
  expect((await sendRaw(api.smtpPort, address, carlasMail)).code).toBe(250);
  const [{ id: conversationId }] = await eventually(async () => (await agent.get('/api/conversations')).body.items as Array<{ id: string }>, (items) => items.length === 1, 'Carla’s conversation');

  // The composer offers what the customer's client expects: her subject as Re:, her Cc kept.
  const composer = (await thread(agent, conversationId)).composer;
  expect(composer.subject).toBe('Re: Bremsen quietschen nach Reparatur');
  expect(composer.cc).toEqual(['dieter@example.de']);

  const invoice = Buffer.from('%PDF-1.4 Rechnung 4711');
  const photo = Buffer.from('\x89PNG Bremsscheibe');
  const pasted = Buffer.from('\x89PNG Quietschen, aufgenommen');
  const attachmentIds = [
    await upload(agent, 'Rechnung 4711.pdf', 'application/pdf', invoice),
    await upload(agent, 'bremse.png', 'image/png', photo),
    await upload(agent, 'pasted.png', 'image/png', pasted, true),
  ];
  const sent = await agent
    .post(`/api/conversations/${conversationId}/replies`)
    .send({ text: 'Guten Tag Frau Kundin,\n\ndie Bremsen sind **getauscht**.', cc: composer.cc, bcc: ['archiv@acme.example'], attachmentIds });
  expect(sent.status).toBe(202);

  const reply = await eventually(
    async () => (await thread(agent, conversationId)).messages.find((m) => m.id === sent.body.messageId),
    (m) => m?.deliveryStatus === 'sent',
    'the reply to be sent',
  );
  const mail = await relayed(reply!.internetMessageId);
  const { parsed } = mail;
  expect(parsed.subject).toBe('Re: Bremsen quietschen nach Reparatur');
  expect(parsed.cc).toMatchObject({ value: [{ address: 'dieter@example.de' }] });
  expect(mail.raw).not.toMatch(/^bcc:/im);
  expect([...mail.envelope.to].sort()).toEqual(['archiv@acme.example', 'carla@example.de', 'dieter@example.de']);

  // Text: what the agent wrote (marks gone), the signature block, then Carla's mail quoted in German.
  const text = parsed.text ?? '';
  const order = ['die Bremsen sind getauscht.', '-- ', 'Anna Owner\nKundendienst', 'Autohaus Acme · Hauptstraße 1', 'schrieb Carla Kundin:', '> Die Bremsen quietschen immer noch.'].map((part) => text.indexOf(part));
  expect(order.every((at) => at >= 0)).toBe(true);
  expect([...order].sort((a, b) => a - b)).toEqual(order);
  expect(text).toMatch(/^Am 2\. Dez\. 2026 um 07:26 schrieb Carla Kundin:$/m);
  // HTML: the same, formatted, the quote in a cite blockquote.
  expect(parsed.html).toContain('<strong>getauscht</strong>');
  expect(parsed.html).toContain('Autohaus Acme · Hauptstraße 1');
  expect(parsed.html).toMatch(/<blockquote type="cite"[^>]*>[\s\S]*Die Bremsen quietschen immer noch\./);
  // The pasted image sits where the agent pasted it: below the text, above the signatures and the quote.
  const html = parsed.html as string;
  expect(html.indexOf('getauscht')).toBeLessThan(html.indexOf('<img'));
  expect(html.indexOf('<img')).toBeLessThan(html.indexOf('Anna Owner<br>Kundendienst'));
  // Both files, byte for byte.
  const files = new Map(parsed.attachments.map((a) => [a.filename, a.content]));
  expect(files.get('Rechnung 4711.pdf')?.equals(invoice)).toBe(true);
  expect(files.get('bremse.png')?.equals(photo)).toBe(true);
  expect(files.get('pasted.png')?.equals(pasted)).toBe(true);
  expect(parsed.attachments.find((a) => a.filename === 'pasted.png')?.contentDisposition).toBe('inline');
  expect(reply!.attachments.map((a) => a.filename).sort()).toEqual(['Rechnung 4711.pdf', 'bremse.png', 'pasted.png']);

  // Forward Carla's mail to the workshop; the workshop's answer joins the conversation as a third party's.
  const carla = (await thread(agent, conversationId)).messages[0];
  const forwarded = await agent.post(`/api/conversations/${conversationId}/forward`).send({ to: 'werkstatt@partner.example', text: 'Bitte prüfen.', messageIds: [carla.id] });
  expect(forwarded.status).toBe(202);
  const forward = await eventually(
    async () => (await thread(agent, conversationId)).messages.find((m) => m.id === forwarded.body.messageId),
    (m) => m?.deliveryStatus === 'sent',
    'the forward to be sent',
  );
  const forwardMail = await relayed(forward!.internetMessageId);
  expect(forwardMail.envelope.to).toEqual(['werkstatt@partner.example']);
  // The account is German: the forward is subjected and headed as German mail clients write it.
  expect(forwardMail.parsed.subject).toBe('WG: Bremsen quietschen nach Reparatur');
  expect(forwardMail.parsed.text).toContain('Bitte prüfen.');
  expect(forwardMail.parsed.text).toContain('---------- Weitergeleitete Nachricht ---------\nVon: ');
  expect(forwardMail.parsed.text).toMatch(/\nBetreff: .*Bremsen quietschen/);
  expect(forwardMail.parsed.text).toContain('Die Bremsen quietschen immer noch.');

  const answer = simpleMail({
    from: 'Werkstatt <werkstatt@partner.example>',
    to: address,
    subject: 'AW: WG: Bremsen quietschen nach Reparatur',
    headers: [`In-Reply-To: ${forwardMail.parsed.messageId}`],
    body: 'Bremsbeläge sind bestellt.',
  });
  expect((await sendRaw(api.smtpPort, address, answer)).code).toBe(250);
  const after = await eventually(() => thread(agent, conversationId), (t) => t.messages.length === 4, 'the workshop’s answer');
  expect(after.messages[3]).toMatchObject({ direction: 'inbound', from: { address: 'werkstatt@partner.example' }, party: 'third-party' });
  expect(after.contact.email).toBe('carla@example.de');
  expect((await agent.get('/api/conversations')).body.items).toHaveLength(1);
  expect((await agent.get('/api/health')).status).toBe(200);
});
