import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { generateKeyPairSync } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import request from 'supertest';
import { markerFor, plusAddress, replyTokenFor } from '../src/shared/domain/reply-address';
import { EVENT_STORE, type EventStore } from '../src/shared/event-store/event-store.port';
import { PASSWORD, signUp, startTestApi, uniqueEmail, type TestApi } from './support/api-app';
import { CaptureRelay } from './support/capture-relay';
import { sendRaw, simpleMail } from './support/smtp-client';
import { makeTempDir } from './support/temp-dir';
import { eventually } from './support/eventually';

// Replies through HTTP, delivered to a real SMTP relay on loopback, and the contact's answer back in.

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

let counter = 0;
async function accountWithConversation(options: { withAddress?: boolean } = {}) {
  const owner = await signUp(api, { ownerName: 'Anna Owner' });
  counter += 1;
  let address: string | null = null;
  if (options.withAddress !== false) {
    const claimed = await owner.agent.post('/api/channels/email/forwarding-address').send({ username: 'support', subdomain: `re${Date.now().toString(36)}${counter}` });
    address = claimed.body.address as string;
  }
  await owner.agent.patch('/api/channels/email').send({ defaultSubject: 'Follow-up from Acme', fromName: '{{agent_name}} from Acme' });
  const messageId = `<ask.${randomUUID()}@mail.example.com>`;
  const raw = simpleMail({ to: address ?? 'support@example.com', from: 'Carla Customer <carla@example.com>', subject: 'Broken zipper', messageId, headers: ['Cc: Dan <dan@example.com>'] });
  if (address) {
    expect((await sendRaw(api.smtpPort, address, raw)).code).toBe(250);
  } else {
    const token = (await owner.agent.get('/api/channels/email/inbound-token')).body.token as string;
    const posted = await request(api.app.getHttpServer()).post('/api/inbound/mime').set('Authorization', `Bearer ${token}`).set('Content-Type', 'message/rfc822').send(raw);
    expect(posted.status).toBe(202);
  }
  const items = await eventually(async () => (await owner.agent.get('/api/conversations')).body.items as Array<{ id: string }>, (list) => list.length === 1, 'the first mail');
  return { ...owner, address, conversationId: items[0].id, inboundMessageId: messageId };
}

const thread = async (agent: Agent, id: string) => (await agent.get(`/api/conversations/${id}`)).body;
const replyOf = async (agent: Agent, conversationId: string, messageId: string) =>
  ((await thread(agent, conversationId)).messages as Array<{ id: string; deliveryStatus: string; deliveryError: string | null }>).find((m) => m.id === messageId);
const relayed = (internetMessageId: string) => relay.received.filter((mail) => mail.parsed.messageId === internetMessageId);

describe('POST /api/conversations/:id/replies', () => {
  it('sends to the contact alone, from the rendered from name at the channel address, with headers that thread, and the answer threads back', async () => {
    const { agent, address, conversationId, inboundMessageId } = await accountWithConversation();
    const composer = (await thread(agent, conversationId)).composer;
    expect(composer).toEqual({ canReply: true, reason: null, via: 'email', note: null, from: `"Anna Owner from Acme" <${address}>`, to: 'carla@example.com', subject: 'Re: Broken zipper', cc: ['dan@example.com'], maxRecipients: 10, plainTextOnly: false, signatures: [] });

    const sent = await agent.post(`/api/conversations/${conversationId}/replies`).send({ text: 'A new zipper is on its way.\n\nAnna' });
    expect(sent.status).toBe(202);
    const { messageId } = sent.body as { messageId: string };
    const queued = await replyOf(agent, conversationId, messageId);
    // Below what the agent wrote, the mail it answers, quoted.
    expect(queued).toMatchObject({ direction: 'outbound', text: expect.stringMatching(/^A new zipper is on its way\.\n\nAnna\n\nOn .+, Carla Customer wrote:\n> /), subject: 'Re: Broken zipper' });
    expect(['queued', 'sent']).toContain(queued?.deliveryStatus);

    const delivered = await eventually(() => replyOf(agent, conversationId, messageId), (m) => m?.deliveryStatus === 'sent', 'delivery');
    expect(delivered).toMatchObject({ deliveryError: null });
    const reply = (await thread(agent, conversationId)).messages.find((m: { id: string }) => m.id === messageId) as { internetMessageId: string };
    const [mail] = relayed(reply.internetMessageId);
    expect(mail.envelope.to).toEqual(['carla@example.com']);
    const token = replyTokenFor(conversationId);
    expect(mail.parsed.from?.value).toEqual([{ name: 'Anna Owner from Acme', address }]);
    expect(mail.parsed.to).toMatchObject({ value: [{ address: 'carla@example.com', name: 'Carla Customer' }] });
    expect(mail.parsed.cc).toBeUndefined();
    expect(mail.parsed.replyTo?.value).toEqual([{ name: '', address: plusAddress(address as string, token) }]);
    expect(mail.parsed.subject).toBe('Re: Broken zipper');
    expect(mail.parsed.messageId).toMatch(/^<r[0-9a-f]{32}@inbox\.test>$/);
    expect(mail.parsed.inReplyTo).toBe(inboundMessageId);
    expect(mail.parsed.references).toBe(inboundMessageId);
    expect(mail.parsed.headers.get('auto-submitted')).toBe('no');
    expect(Buffer.from(String(mail.parsed.headers.get('thread-index')), 'base64')).toHaveLength(22);
    expect(mail.parsed.text).toContain(markerFor(token));
    expect(mail.parsed.html).toContain(markerFor(token));
    expect(mail.parsed.text).toContain('A new zipper is on its way.');

    // Carla answers from her mail client: In-Reply-To our Message-ID, to the plain address.
    const answer = simpleMail({ to: address as string, from: 'Carla Customer <carla@example.com>', subject: 'Re: Broken zipper', headers: [`In-Reply-To: ${mail.parsed.messageId}`, `References: ${inboundMessageId} ${mail.parsed.messageId}`], body: 'Thanks, got it!' });
    expect((await sendRaw(api.smtpPort, address as string, answer)).code).toBe(250);
    const after = await eventually(() => thread(agent, conversationId), (t) => t.messages.length === 3, 'the answer threading back');
    expect(after.messages.map((m: { direction: string }) => m.direction)).toEqual(['inbound', 'outbound', 'inbound']);
    expect((await agent.get('/api/conversations')).body.items).toHaveLength(1);
  });

  it('uses the agent’s subject, sends sanitized HTML, and References the whole thread on the next reply', async () => {
    const { agent, conversationId, inboundMessageId } = await accountWithConversation();
    const first = await agent.post(`/api/conversations/${conversationId}/replies`).send({ subject: 'Your zipper', text: 'First', html: '<p onclick="x()">First <script>alert(1)</script><b>bold</b></p>' });
    expect(first.status).toBe(202);
    await eventually(() => replyOf(agent, conversationId, first.body.messageId), (m) => m?.deliveryStatus === 'sent', 'first delivery');
    const second = await agent.post(`/api/conversations/${conversationId}/replies`).send({ text: 'Second' });
    await eventually(() => replyOf(agent, conversationId, second.body.messageId), (m) => m?.deliveryStatus === 'sent', 'second delivery');
    const messages = (await thread(agent, conversationId)).messages as Array<{ id: string; internetMessageId: string; html: string }>;
    const [firstMail] = relayed(messages[1].internetMessageId);
    const [secondMail] = relayed(messages[2].internetMessageId);
    expect(firstMail.parsed.subject).toBe('Your zipper');
    expect(firstMail.parsed.html).toContain('<b>bold</b>');
    expect(firstMail.parsed.html).not.toMatch(/script|onclick/);
    expect(messages[1].html).not.toMatch(/script|onclick/);
    expect(secondMail.parsed.subject).toBe('Re: Broken zipper');
    expect(secondMail.parsed.references).toEqual([inboundMessageId, messages[1].internetMessageId]);
    const firstIndex = Buffer.from(String(firstMail.parsed.headers.get('thread-index')), 'base64');
    const secondIndex = Buffer.from(String(secondMail.parsed.headers.get('thread-index')), 'base64');
    expect(secondIndex.subarray(0, 22)).toEqual(firstIndex.subarray(0, 22));
  });

  it('refuses while the email channel is off, and the composer says why', async () => {
    const { agent, conversationId } = await accountWithConversation();
    await agent.patch('/api/channels/email').send({ enabled: false });
    const refused = await agent.post(`/api/conversations/${conversationId}/replies`).send({ text: 'Hello' });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: 'CONVERSATION.EMAIL_CHANNEL_DISABLED', message: expect.stringContaining('switched off') });
    expect((await thread(agent, conversationId)).composer).toMatchObject({ canReply: false, reason: expect.stringContaining('switched off') });
    expect((await thread(agent, conversationId)).messages).toHaveLength(1);
  });

  it('refuses before the account has a forwarding address to send from', async () => {
    const { agent, conversationId } = await accountWithConversation({ withAddress: false });
    const refused = await agent.post(`/api/conversations/${conversationId}/replies`).send({ text: 'Hello' });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('CONVERSATION.NO_SENDING_ADDRESS');
  });

  it('refuses when the contact has given no email address', async () => {
    const { agent, accountId, userId } = await accountWithConversation();
    // A conversation whose contact left no email (as a chat visitor may): written as the log would hold it.
    const conversationId = randomUUID();
    const metadata = { eventId: randomUUID(), accountId, actor: { userId, role: 'primary_admin' as const }, correlationId: randomUUID(), causationId: null, occurredAt: new Date().toISOString(), schemaVersion: 1 };
    const appended = await api.app.get<EventStore>(EVENT_STORE).appendToStream(
      `conversation-${conversationId}`,
      [{ type: 'ConversationStarted', data: { conversationId, accountId, channel: 'email', subject: 'No email', contact: { id: randomUUID(), email: '', name: 'Visitor' }, participants: [], replyToken: replyTokenFor(conversationId), linkedTo: null, startedAt: new Date().toISOString() }, metadata }],
      { expectedRevision: 'no_stream' },
    );
    expect(appended.position).toBeGreaterThan(0n);
    await eventually(async () => (await agent.get(`/api/conversations/${conversationId}`)).status, (status) => status === 200, 'the projection');
    const refused = await agent.post(`/api/conversations/${conversationId}/replies`).send({ text: 'Hello' });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('CONVERSATION.CONTACT_HAS_NO_EMAIL');
    expect((await thread(agent, conversationId)).composer).toMatchObject({ canReply: false, to: null, reason: expect.stringContaining('not given an email') });
  });

  it('names the field of bad input, hides other accounts, and lets auditors only read', async () => {
    const { agent, conversationId } = await accountWithConversation();
    for (const [body, field] of [
      [{}, 'text'],
      [{ text: '   ' }, 'text'],
      [{ text: 'x', subject: 'two\nlines' }, 'subject'],
      [{ text: 'x', subject: 42 }, 'subject'],
    ] as const) {
      const response = await agent.post(`/api/conversations/${conversationId}/replies`).send(body);
      expect(response.status).toBe(422);
      expect(response.body.message).toMatch(new RegExp(field));
    }
    const stranger = await signUp(api);
    expect((await stranger.agent.post(`/api/conversations/${conversationId}/replies`).send({ text: 'x' })).status).toBe(404);
    const auditorEmail = uniqueEmail('auditor');
    await agent.post('/api/users').send({ name: 'Audrey', email: auditorEmail, password: PASSWORD, role: 'auditor' });
    const auditor = api.agent();
    await auditor.post('/api/auth/login').send({ email: auditorEmail, password: PASSWORD });
    expect((await auditor.post(`/api/conversations/${conversationId}/replies`).send({ text: 'x' })).status).toBe(403);
    expect((await thread(agent, conversationId)).messages).toHaveLength(1);
  });
});

describe('delivery failures and retry', () => {
  it('shows a permanent refusal as failed with the relay’s answer; a retry sends the same message once it is accepted', async () => {
    const { agent, conversationId } = await accountWithConversation();
    relay.refused.add('carla@example.com');
    try {
      const { messageId } = (await agent.post(`/api/conversations/${conversationId}/replies`).send({ text: 'Will bounce' })).body;
      const failed = await eventually(() => replyOf(agent, conversationId, messageId), (m) => m?.deliveryStatus === 'failed', 'the failure');
      expect(failed?.deliveryError).toMatch(/550.*No such user/);
      expect((await agent.post(`/api/conversations/${conversationId}/messages/${messageId}/retry`)).status).toBe(202);
      // Still refused: it fails again, and stays retryable.
      await eventually(() => replyOf(agent, conversationId, messageId), (m) => m?.deliveryStatus === 'failed', 'the second failure');
      relay.refused.delete('carla@example.com');
      expect((await agent.post(`/api/conversations/${conversationId}/messages/${messageId}/retry`)).status).toBe(202);
      await eventually(() => replyOf(agent, conversationId, messageId), (m) => m?.deliveryStatus === 'sent', 'the delivery after retry');
      const reply = (await thread(agent, conversationId)).messages.find((m: { id: string }) => m.id === messageId) as { internetMessageId: string; deliveryAttempts: number };
      expect(reply.deliveryAttempts).toBe(3);
      expect(relayed(reply.internetMessageId)).toHaveLength(1);

      const again = await agent.post(`/api/conversations/${conversationId}/messages/${messageId}/retry`);
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('CONVERSATION.REPLY_ALREADY_SENT');
    } finally {
      relay.refused.delete('carla@example.com');
    }
  });

  it('answers 404 for a retry of an inbound message or of another account’s reply', async () => {
    const { agent, conversationId } = await accountWithConversation();
    const inbound = (await thread(agent, conversationId)).messages[0].id as string;
    expect((await agent.post(`/api/conversations/${conversationId}/messages/${inbound}/retry`)).status).toBe(404);
    const { messageId } = (await agent.post(`/api/conversations/${conversationId}/replies`).send({ text: 'Mine' })).body;
    const stranger = await signUp(api);
    expect((await stranger.agent.post(`/api/conversations/${conversationId}/messages/${messageId}/retry`)).status).toBe(404);
  });
});

describe('without a relay', () => {
  it('writes each reply as a DKIM-signed .eml under DATA_DIR/outbox, and the settings say so', async () => {
    const keys = makeTempDir('dkim-');
    const keyFile = join(keys.path, 'dkim.pem');
    writeFileSync(keyFile, generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }));
    const fileApi = await startTestApi({ INBOX_DOMAIN: 'inbox.test', DKIM_DOMAIN: 'inbox.test', DKIM_SELECTOR: 'inbox2026', DKIM_PRIVATE_KEY_FILE: keyFile });
    try {
      const owner = await signUp(fileApi);
      const { body } = await owner.agent.post('/api/channels/email/forwarding-address').send({ username: 'help', subdomain: `fo${Date.now().toString(36)}` });
      expect((await owner.agent.get('/api/channels')).body.email.outbound).toBe('file');
      const port = fileApi.smtpPort;
      expect((await sendRaw(port, body.address, simpleMail({ to: body.address }))).code).toBe(250);
      const [conversation] = await eventually(async () => (await owner.agent.get('/api/conversations')).body.items as Array<{ id: string }>, (items) => items.length === 1, 'the mail');
      const { messageId } = (await owner.agent.post(`/api/conversations/${conversation.id}/replies`).send({ text: 'Written to a file' })).body;
      const sent = await eventually(async () => ((await owner.agent.get(`/api/conversations/${conversation.id}`)).body.messages as Array<{ id: string; deliveryStatus: string }>).find((m) => m.id === messageId), (m) => m?.deliveryStatus === 'sent', 'the file');
      expect(sent).toBeDefined();
      const file = join(fileApi.config.dataDir, 'outbox', `${messageId}.eml`);
      expect(existsSync(file)).toBe(true);
      expect(readdirSync(join(fileApi.config.dataDir, 'outbox'))).toEqual([`${messageId}.eml`]);
      const eml = readFileSync(file, 'utf8');
      expect(eml).toMatch(/^DKIM-Signature: .*d=inbox\.test;/m);
      expect(eml).toMatch(/s=inbox2026/);
      expect(eml).toContain('Written to a file');
    } finally {
      await fileApi.close();
      keys.cleanup();
    }
  });
});
