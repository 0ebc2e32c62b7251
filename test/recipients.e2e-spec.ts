import { randomUUID } from 'node:crypto';
import { signUp, startTestApi, type TestApi } from './support/api-app';
import { CaptureRelay } from './support/capture-relay';
import { eventually } from './support/eventually';
import { sendRaw, simpleMail } from './support/smtp-client';

// Cc and Bcc on replies, and forwards to a third party: what the relay receives, and how answers thread back.

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
interface Message {
  id: string;
  direction: string;
  from: { address: string } | null;
  cc: Array<{ address: string }>;
  bcc: Array<{ address: string }>;
  party: string | null;
  forward: { messageIds: string[] } | null;
  internetMessageId: string;
  deliveryStatus: string | null;
  attachments: Array<{ filename: string }>;
}

let counter = 0;
async function accountWithConversation(options: { undoSendSeconds?: number } = {}) {
  const owner = await signUp(api, { ownerName: 'Anna Owner', ...options });
  counter += 1;
  const claimed = await owner.agent.post('/api/channels/email/forwarding-address').send({ username: 'support', subdomain: `rc${Date.now().toString(36)}${counter}` });
  const address = claimed.body.address as string;
  const messageId = `<ask.${randomUUID()}@mail.example.com>`;
  // Carla writes to us and Eve, Cc Dan, with a photo of the zipper.
  const raw = [
    'From: Carla Customer <carla@example.com>',
    `To: ${address}, Eve <eve@example.com>`,
    'Cc: Dan <dan@example.com>',
    'Subject: Broken zipper',
    `Message-ID: ${messageId}`,
    'Date: Tue, 24 Nov 2026 10:00:00 +0000',
    'MIME-Version: 1.0',
    'Content-Type: multipart/mixed; boundary="b"',
    '',
    '--b',
    'Content-Type: text/plain; charset=utf-8',
    '',
    'The zipper broke on day two.',
    '--b',
    'Content-Type: text/plain; name="zipper.txt"',
    'Content-Disposition: attachment; filename="zipper.txt"',
    '',
    'a photo, in words',
    '--b--',
    '',
  ].join('\r\n');
  expect((await sendRaw(api.smtpPort, address, raw)).code).toBe(250);
  const items = await eventually(async () => (await owner.agent.get('/api/conversations')).body.items as Array<{ id: string }>, (list) => list.length === 1, 'the first mail');
  return { ...owner, address, conversationId: items[0].id, inboundMessageId: messageId };
}

const thread = async (agent: Agent, id: string) => (await agent.get(`/api/conversations/${id}`)).body as { contact: { email: string }; messages: Message[]; composer: { cc: string[]; maxRecipients: number }; participants: string[] };
const sent = (agent: Agent, conversationId: string, messageId: string) =>
  eventually(async () => (await thread(agent, conversationId)).messages.find((m) => m.id === messageId), (m) => m?.deliveryStatus === 'sent', 'delivery') as Promise<Message>;
const relayed = (internetMessageId: string) => eventually(async () => relay.received.filter((mail) => mail.parsed.messageId === internetMessageId), (found) => found.length === 1, 'the relayed mail');

describe('a reply with Cc and Bcc', () => {
  it('names Cc in the header and Bcc in the envelope only; the thread shows both; a Cc’d and a Bcc’d answer thread in', async () => {
    const { agent, address, conversationId } = await accountWithConversation();
    const before = await thread(agent, conversationId);
    expect(before.composer).toMatchObject({ cc: ['eve@example.com', 'dan@example.com'], maxRecipients: 10 });

    const reply = await agent.post(`/api/conversations/${conversationId}/replies`).send({ text: 'A new zipper is on its way.', cc: ['Eve@example.com', 'dan@example.com', 'carla@example.com'], bcc: ['boss@example.com'] });
    expect(reply.status).toBe(202);
    const message = await sent(agent, conversationId, reply.body.messageId as string);
    expect(message.cc.map((p) => p.address)).toEqual(['eve@example.com', 'dan@example.com']);
    expect(message.bcc.map((p) => p.address)).toEqual(['boss@example.com']);

    const [mail] = await relayed(message.internetMessageId);
    expect(mail.envelope.to.sort()).toEqual(['boss@example.com', 'carla@example.com', 'dan@example.com', 'eve@example.com']);
    expect(mail.parsed.to).toMatchObject({ value: [{ address: 'carla@example.com' }] });
    const cc = Array.isArray(mail.parsed.cc) ? mail.parsed.cc : [mail.parsed.cc];
    expect(cc.flatMap((group) => group?.value.map((p) => p.address) ?? [])).toEqual(['eve@example.com', 'dan@example.com']);
    expect(mail.parsed.bcc).toBeUndefined();
    expect(mail.raw).not.toMatch(/^bcc:/im);
    expect(mail.raw).not.toContain('boss@example.com');

    // Eve answers all; the boss answers too (a blind copy who writes back is in the conversation).
    for (const from of ['Eve <eve@example.com>', 'Boss <boss@example.com>']) {
      const answer = simpleMail({ to: address, from, subject: 'Re: Broken zipper', headers: [`In-Reply-To: ${mail.parsed.messageId}`], body: `Thanks from ${from}` });
      expect((await sendRaw(api.smtpPort, address, answer)).code).toBe(250);
    }
    const after = await eventually(() => thread(agent, conversationId), (t) => t.messages.length === 4, 'the answers threading in');
    expect(after.messages.slice(2).map((m) => [m.from?.address, m.party])).toEqual([
      ['eve@example.com', 'participant'],
      ['boss@example.com', 'participant'],
    ]);
    expect(after.contact.email).toBe('carla@example.com');
    expect((await agent.get('/api/conversations')).body.items).toHaveLength(1);
    expect((await agent.get('/api/health')).status).toBe(200);
  });

  it('refuses an eleventh recipient and a bad address, naming the field', async () => {
    const { agent, conversationId } = await accountWithConversation();
    const ten = Array.from({ length: 10 }, (_, i) => `p${i}@example.com`);
    const tooMany = await agent.post(`/api/conversations/${conversationId}/replies`).send({ text: 'Hello all', cc: ten });
    expect(tooMany.status).toBe(422);
    expect(tooMany.body.message).toMatch(/^cc: at most 10 recipients/);
    const split = await agent.post(`/api/conversations/${conversationId}/replies`).send({ text: 'Hello all', cc: ten.slice(0, 5), bcc: ten.slice(5) });
    expect(split.status).toBe(422);
    expect(split.body.message).toMatch(/^bcc: at most 10 recipients/);
    const bad = await agent.post(`/api/conversations/${conversationId}/replies`).send({ text: 'Hello', bcc: ['team: a@example.com, b@example.com;'] });
    expect(bad.status).toBe(422);
    expect(bad.body.message).toMatch(/^bcc: .* is not an email address/);
    const notAList = await agent.post(`/api/conversations/${conversationId}/replies`).send({ text: 'Hello', cc: 'dan@example.com' });
    expect(notAList.status).toBe(422);
    expect(JSON.stringify(notAList.body.message)).toContain('cc must be a list of addresses');
    expect((await thread(agent, conversationId)).messages).toHaveLength(1);
  });
});

describe('a forward', () => {
  it('reaches the third party with the note, the quote and the attachments; their answer threads back as a third party’s', async () => {
    const { agent, address, conversationId } = await accountWithConversation();
    const [original] = (await thread(agent, conversationId)).messages;
    const forwarded = await agent.post(`/api/conversations/${conversationId}/forward`).send({ to: 'Repair@Example.org', text: 'Can you fix this one?', messageIds: [original.id] });
    expect(forwarded.status).toBe(202);
    const message = await sent(agent, conversationId, forwarded.body.messageId as string);
    expect(message).toMatchObject({ direction: 'outbound', forward: { messageIds: [original.id] }, party: null });

    const [mail] = await relayed(message.internetMessageId);
    expect(mail.envelope.to).toEqual(['repair@example.org']);
    expect(mail.parsed.subject).toBe('Fwd: Broken zipper');
    expect(mail.parsed.inReplyTo).toBeUndefined();
    expect(mail.parsed.text).toContain('Can you fix this one?');
    expect(mail.parsed.text).toContain('---------- Forwarded message ---------\nFrom: Carla Customer <carla@example.com>');
    expect(mail.parsed.text).toContain('Subject: Broken zipper');
    expect(mail.parsed.text).toContain('The zipper broke on day two.');
    expect(mail.parsed.html).toContain('Forwarded message');
    expect(mail.parsed.attachments.map((a) => [a.filename, a.content.toString('utf8')])).toEqual([['zipper.txt', 'a photo, in words']]);

    const answer = simpleMail({ to: address, from: 'Rita Repair <repair@example.org>', subject: 'Re: Fwd: Broken zipper', headers: [`In-Reply-To: ${mail.parsed.messageId}`], body: 'Send it over, we fix it.' });
    expect((await sendRaw(api.smtpPort, address, answer)).code).toBe(250);
    const after = await eventually(() => thread(agent, conversationId), (t) => t.messages.length === 3, 'the third party’s answer');
    expect(after.messages[2]).toMatchObject({ direction: 'inbound', from: { address: 'repair@example.org' }, party: 'third-party' });
    expect(after.messages[0].party).toBe('contact');
    expect(after.contact.email).toBe('carla@example.com');
    // The next reply's Cc suggestion is still Carla's people, not the third party's.
    expect(after.composer.cc).toEqual(['eve@example.com', 'dan@example.com']);
    expect((await agent.get('/api/conversations')).body.items).toHaveLength(1);
    const contacts = (await agent.get('/api/contacts')).body.items as Array<{ email: string }>;
    expect(contacts.map((c) => c.email)).toEqual(['carla@example.com']);
    expect((await agent.get('/api/health')).status).toBe(200);
  });

  it('can be undone in the undo window like a reply, leaving no draft behind', async () => {
    const { agent, conversationId } = await accountWithConversation({ undoSendSeconds: 60 });
    const forwarded = await agent.post(`/api/conversations/${conversationId}/forward`).send({ to: 'repair@example.org', text: 'FYI' });
    expect(forwarded.status).toBe(202);
    const undone = await agent.post(`/api/conversations/${conversationId}/messages/${forwarded.body.messageId}/undo`);
    expect(undone.status).toBe(200);
    expect(undone.body).toMatchObject({ forward: true, subject: 'Fwd: Broken zipper' });
    const after = (await agent.get(`/api/conversations/${conversationId}`)).body as { messages: Message[]; draft: unknown };
    expect(after.messages).toHaveLength(1);
    expect(after.draft).toBeNull();
  });

  it('refuses the contact, our own address and a bad address as its To, naming the field', async () => {
    const { agent, address, conversationId } = await accountWithConversation();
    for (const to of ['carla@example.com', address, 'a@example.org, b@example.org']) {
      const refused = await agent.post(`/api/conversations/${conversationId}/forward`).send({ to, text: 'FYI' });
      expect(refused.status).toBe(422);
      expect(refused.body.message).toMatch(/^to/);
    }
    const unknown = await agent.post(`/api/conversations/${conversationId}/forward`).send({ to: 'repair@example.org', text: 'FYI', messageIds: ['nope'] });
    expect(unknown.status).toBe(404);
    expect((await thread(agent, conversationId)).messages).toHaveLength(1);
  });
});
