import { randomUUID } from 'node:crypto';
import { signUp, startTestApi, type TestApi } from './support/api-app';
import { CaptureRelay } from './support/capture-relay';
import { eventually } from './support/eventually';
import { sendRaw, simpleMail } from './support/smtp-client';

// Files on replies: uploaded through HTTP, sent as MIME parts to a real SMTP relay on loopback, and
// listed (and served) in the thread. The limits are set low so the refusals are cheap to reach.

const FILE_LIMIT = 4_000;
const REPLY_LIMIT = 6_000;

let api: TestApi;
let relay: CaptureRelay;
beforeAll(async () => {
  relay = await CaptureRelay.start();
  api = await startTestApi({
    INBOX_DOMAIN: 'inbox.test',
    OUTBOUND_SMTP_URL: relay.url,
    REPLY_ATTACHMENT_MAX_BYTES: String(FILE_LIMIT),
    REPLY_ATTACHMENTS_MAX_BYTES: String(REPLY_LIMIT),
    REPLY_ATTACHMENTS_MAX_COUNT: '3',
  });
});
afterAll(async () => {
  await api.close();
  await relay.close();
});

type Agent = Awaited<ReturnType<typeof signUp>>['agent'];
interface ThreadMessage {
  id: string;
  direction: string;
  html: string | null;
  internetMessageId: string;
  deliveryStatus: string | null;
  attachments: Array<{ id: string; filename: string | null; contentType: string; size: number; inline: boolean; url: string }>;
}

let counter = 0;
async function accountWithConversation() {
  const owner = await signUp(api);
  counter += 1;
  const claimed = await owner.agent.post('/api/channels/email/forwarding-address').send({ username: 'support', subdomain: `at${Date.now().toString(36)}${counter}` });
  const address = claimed.body.address as string;
  const raw = simpleMail({ to: address, from: 'Carla Customer <carla@example.com>', subject: 'Broken zipper', messageId: `<ask.${randomUUID()}@mail.example.com>` });
  expect((await sendRaw(api.smtpPort, address, raw)).code).toBe(250);
  const items = await eventually(async () => (await owner.agent.get('/api/conversations')).body.items as Array<{ id: string }>, (list) => list.length === 1, 'the first mail');
  return { ...owner, conversationId: items[0].id };
}

const upload = (agent: Agent, bytes: Buffer, filename: string, contentType: string, inline = false) =>
  agent.post('/api/uploads').field('inline', String(inline)).attach('file', bytes, { filename, contentType });
const messagesOf = async (agent: Agent, id: string) => (await agent.get(`/api/conversations/${id}`)).body.messages as ThreadMessage[];
const bytes = (size: number, fill: string) => Buffer.alloc(size, fill);

describe('files on replies', () => {
  it('sends two uploads as MIME parts, lists them in the thread and serves them', async () => {
    const { agent, conversationId } = await accountWithConversation();
    const pdf = bytes(2_500, 'p');
    const csv = Buffer.from('sku,qty\nZIP-1,2\n');
    const first = await upload(agent, pdf, 'invoice.pdf', 'application/pdf');
    expect(first.status).toBe(201);
    const second = await upload(agent, csv, 'Bestellübersicht.csv', 'text/csv');
    expect(second.status).toBe(201);

    const sent = await agent
      .post(`/api/conversations/${conversationId}/replies`)
      .send({ text: 'Your invoice and order are attached.', attachmentIds: [first.body.attachmentId, second.body.attachmentId] });
    expect(sent.status).toBe(202);
    const reply = await eventually(
      async () => (await messagesOf(agent, conversationId)).find((m) => m.id === sent.body.messageId),
      (m) => m?.deliveryStatus === 'sent',
      'delivery',
    );

    const [mail] = await eventually(async () => relay.received.filter((m) => m.parsed.messageId === reply?.internetMessageId), (found) => found.length === 1, 'the relayed mail');
    expect(mail.parsed.attachments.map((a) => ({ filename: a.filename, contentType: a.contentType, disposition: a.contentDisposition, size: a.size }))).toEqual([
      { filename: 'invoice.pdf', contentType: 'application/pdf', disposition: 'attachment', size: pdf.length },
      { filename: 'Bestellübersicht.csv', contentType: 'text/csv', disposition: 'attachment', size: csv.length },
    ]);
    expect(mail.parsed.attachments[0].content.equals(pdf)).toBe(true);
    expect(mail.parsed.attachments[1].content.equals(csv)).toBe(true);
    expect(mail.parsed.text).toContain('Your invoice and order are attached.');

    expect(reply?.attachments).toEqual([
      expect.objectContaining({ filename: 'invoice.pdf', contentType: 'application/pdf', size: pdf.length, inline: false }),
      expect.objectContaining({ filename: 'Bestellübersicht.csv', contentType: 'text/csv', size: csv.length, inline: false }),
    ]);
    const served = await agent.get(reply?.attachments[0].url as string).buffer(true);
    expect(served.status).toBe(200);
    expect(served.headers['content-type']).toBe('application/pdf');
    expect(served.headers['content-disposition']).toContain('invoice.pdf');
    expect(Buffer.from(served.body as Buffer).equals(pdf)).toBe(true);
    expect((await agent.get('/api/health')).status).toBe(200);
  });

  it('puts a pasted image inline: a cid: image below the text, a part with that Content-ID, shown in the thread from the API', async () => {
    const { agent, conversationId } = await accountWithConversation();
    const png = Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), bytes(200, 'i')]);
    const pasted = await upload(agent, png, 'image.png', 'image/png', true);
    expect(pasted.status).toBe(201);
    const sent = await agent.post(`/api/conversations/${conversationId}/replies`).send({ text: 'This one?', attachmentIds: [pasted.body.attachmentId] });
    expect(sent.status).toBe(202);
    const reply = await eventually(
      async () => (await messagesOf(agent, conversationId)).find((m) => m.id === sent.body.messageId),
      (m) => m?.deliveryStatus === 'sent',
      'delivery',
    );
    const [mail] = await eventually(async () => relay.received.filter((m) => m.parsed.messageId === reply?.internetMessageId), (found) => found.length === 1, 'the relayed mail');
    const [image] = mail.parsed.attachments;
    expect(image).toMatchObject({ contentType: 'image/png', contentDisposition: 'inline', cid: `${pasted.body.attachmentId}@inbox.test` });
    expect(mail.raw).toContain(`cid:${pasted.body.attachmentId}@inbox.test`);
    // mailparser resolves a cid: reference to its part: the image sits below the text.
    expect(mail.parsed.html).toMatch(/This one\?[\s\S]*<img src="data:image\/png;base64,/);

    expect(reply?.attachments).toEqual([expect.objectContaining({ filename: 'image.png', inline: true })]);
    expect(reply?.html).toContain(`<img src="${reply?.attachments[0].url}"`);
  });

  it('refuses a file over the per-file limit with 413 naming the file, and takes one at the limit', async () => {
    const { agent } = await accountWithConversation();
    const refused = await upload(agent, bytes(FILE_LIMIT + 1, 'x'), 'huge.bin', 'application/octet-stream');
    expect(refused.status).toBe(413);
    expect(refused.body).toMatchObject({ field: 'file', message: `file must be at most ${FILE_LIMIT} bytes (the limit per file)` });
    expect((await upload(agent, bytes(FILE_LIMIT, 'x'), 'just-fits.bin', 'application/octet-stream')).status).toBe(201);
  });

  it('refuses a bad file name, a missing file, and an upload without a session', async () => {
    const { agent } = await accountWithConversation();
    const badName = await upload(agent, bytes(10, 'x'), 'a\u202efdp.exe', 'application/pdf');
    expect(badName.status).toBe(422);
    expect(badName.body.field).toBe('file');
    const none = await agent.post('/api/uploads').field('inline', 'false');
    expect(none.status).toBe(422);
    expect(none.body).toMatchObject({ field: 'file', message: 'file is required: send it as the multipart field "file"' });
    expect((await api.agent().post('/api/uploads').attach('file', bytes(10, 'x'), 'a.txt')).status).toBe(401);
  });

  it('refuses a reply over the per-reply bytes, or naming an upload twice, with 422 naming attachmentIds, and queues nothing', async () => {
    const { agent, conversationId } = await accountWithConversation();
    const ids: string[] = [];
    for (const name of ['a.bin', 'b.bin']) ids.push((await upload(agent, bytes(3_500, 'z'), name, 'application/octet-stream')).body.attachmentId as string);

    const tooMuch = await agent.post(`/api/conversations/${conversationId}/replies`).send({ text: 'Both', attachmentIds: ids });
    expect(tooMuch.status).toBe(422);
    expect(tooMuch.body).toMatchObject({ field: 'attachmentIds', message: `attachmentIds add up to 7000 bytes; a reply may carry at most ${REPLY_LIMIT} bytes of files` });
    const twice = await agent.post(`/api/conversations/${conversationId}/replies`).send({ text: 'Twice', attachmentIds: [ids[0], ids[0]] });
    expect(twice.status).toBe(422);
    expect(twice.body.field).toBe('attachmentIds');

    // A reply that fits goes through, so the refusals above were the only ones left out.
    const fits = await agent.post(`/api/conversations/${conversationId}/replies`).send({ text: 'One', attachmentIds: [ids[0]] });
    expect(fits.status).toBe(202);
    const messages = await messagesOf(agent, conversationId);
    expect(messages.filter((m) => m.direction === 'outbound').map((m) => m.id)).toEqual([fits.body.messageId]);
  });

  it("refuses another account's upload as unknown, and keeps its bytes to that account", async () => {
    const mine = await accountWithConversation();
    const theirs = await accountWithConversation();
    const uploaded = await upload(theirs.agent, Buffer.from('secret plans'), 'plans.txt', 'text/plain');
    expect(uploaded.status).toBe(201);

    const refused = await mine.agent.post(`/api/conversations/${mine.conversationId}/replies`).send({ text: 'Look', attachmentIds: [uploaded.body.attachmentId] });
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ field: 'attachmentIds', message: `attachmentIds names an unknown upload (${uploaded.body.attachmentId})` });
    const made = await mine.agent.post(`/api/conversations/${mine.conversationId}/replies`).send({ text: 'Look', attachmentIds: ['no-such-upload'] });
    expect(made.status).toBe(422);
    expect((await messagesOf(mine.agent, mine.conversationId)).filter((m) => m.direction === 'outbound')).toEqual([]);

    // Their reply with it goes out, and its file is theirs to fetch, not ours.
    const sent = await theirs.agent.post(`/api/conversations/${theirs.conversationId}/replies`).send({ text: 'Plans', attachmentIds: [uploaded.body.attachmentId] });
    expect(sent.status).toBe(202);
    const reply = (await messagesOf(theirs.agent, theirs.conversationId)).find((m) => m.id === sent.body.messageId);
    const url = reply?.attachments[0].url as string;
    expect((await theirs.agent.get(url)).status).toBe(200);
    expect((await mine.agent.get(url)).status).toBe(404);
  });
});
