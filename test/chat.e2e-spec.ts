import request from 'supertest';
import { signUp, startTestApi, type TestApi } from './support/api-app';
import { CaptureRelay } from './support/capture-relay';
import { sendRaw, simpleMail } from './support/smtp-client';
import { listening, openEventStream } from './support/event-stream';
import { eventually } from './support/eventually';

// The chat widget's API as a visitor's browser uses it, and the agent's side of the same conversation.

let api: TestApi;
let relay: CaptureRelay;
let baseUrl: string;
beforeAll(async () => {
  relay = await CaptureRelay.start();
  api = await startTestApi({ INBOX_DOMAIN: 'inbox.test', OUTBOUND_SMTP_URL: relay.url });
  baseUrl = await listening(api);
});
afterAll(async () => {
  await api.close();
  await relay.close();
});

const codeMailedTo = (email: string, count = 1) => relay.codeMailedTo(email, count);

let counter = 0;
async function accountWithChat() {
  const owner = await signUp(api);
  counter += 1;
  const { body } = await owner.agent.post('/api/channels/email/forwarding-address').send({ username: 'help', subdomain: `ch${Date.now().toString(36)}${counter}` });
  expect((await owner.agent.patch('/api/channels/chat').send({ enabled: true })).status).toBe(200);
  const session = await request(api.app.getHttpServer()).post(`/api/chat/${owner.accountId}/sessions`);
  expect(session.status).toBe(201);
  const { sessionId, token, conversationId } = session.body as { sessionId: string; token: string; conversationId: string };
  const visitor = {
    say: (text: string, extra: Record<string, string> = {}) =>
      request(api.app.getHttpServer()).post(`/api/chat/${owner.accountId}/sessions/${sessionId}/messages`).set('Authorization', `Bearer ${token}`).send({ text, ...extra }),
    identify: (email: string, name?: string) =>
      request(api.app.getHttpServer()).put(`/api/chat/${owner.accountId}/sessions/${sessionId}/visitor`).set('Authorization', `Bearer ${token}`).send({ email, name }),
    confirm: (code: string) =>
      request(api.app.getHttpServer()).post(`/api/chat/${owner.accountId}/sessions/${sessionId}/visitor/verification`).set('Authorization', `Bearer ${token}`).send({ code }),
    lines: async () =>
      (await request(api.app.getHttpServer()).get(`/api/chat/${owner.accountId}/sessions/${sessionId}/messages`).set('Authorization', `Bearer ${token}`)).body as {
        messages: Array<{ author: string; text: string; via: string }>;
        visitor: { name: string; email: string | null; pendingEmail: string | null } | null;
      },
    /** Opens the visitor's live stream (they are online while it is open). */
    online: () => openEventStream(`${baseUrl}/api/chat/${owner.accountId}/sessions/${sessionId}/stream?token=${encodeURIComponent(token)}`),
  };
  return { ...owner, address: body.address as string, sessionId, token, conversationId, visitor };
}

describe('chat sessions', () => {
  it('are refused while chat is off, and for an unknown account', async () => {
    const owner = await signUp(api);
    const off = await request(api.app.getHttpServer()).post(`/api/chat/${owner.accountId}/sessions`);
    expect(off.status).toBe(409);
    expect(off.body).toMatchObject({ code: 'CHAT.DISABLED', message: 'Chat is switched off for this account' });
    expect((await request(api.app.getHttpServer()).post('/api/chat/00000000-0000-4000-8000-000000000000/sessions')).status).toBe(404);
    expect((await request(api.app.getHttpServer()).post('/api/chat/not-a-uuid/sessions')).status).toBe(404);
  });

  it('need the session token, and name the field of bad input', async () => {
    const { accountId, sessionId, token, visitor } = await accountWithChat();
    const path = `/api/chat/${accountId}/sessions/${sessionId}/messages`;
    expect((await request(api.app.getHttpServer()).post(path).send({ text: 'hi' })).status).toBe(401);
    expect((await request(api.app.getHttpServer()).post(path).set('Authorization', `Bearer ${token.slice(1)}x`).send({ text: 'hi' })).status).toBe(401);
    expect((await request(api.app.getHttpServer()).get(`/api/chat/${accountId}/sessions/${sessionId}/stream`)).status).toBe(401);
    const empty = await visitor.say('   ');
    expect(empty.status).toBe(422);
    expect(empty.body.message).toMatch(/text/);
    const badEmail = await visitor.say('hi', { email: 'nope' });
    expect(badEmail.status).toBe(422);
    expect(badEmail.body.message).toMatch(/email/);
  });
});

describe('flood protection', () => {
  it('answers 429 with Retry-After to an address sending more lines than a person could', async () => {
    const { accountId, sessionId, token } = await accountWithChat();
    const say = (text: string) =>
      request(api.app.getHttpServer())
        .post(`/api/chat/${accountId}/sessions/${sessionId}/messages`)
        .set('Authorization', `Bearer ${token}`)
        .set('X-Forwarded-For', '203.0.113.77')
        .send({ text });
    for (let i = 0; i < 60; i++) expect((await say(`line ${i}`)).status).toBe(201);
    const refused = await say('one too many');
    expect(refused.status).toBe(429);
    expect(refused.body.code).toBe('CHAT.TOO_MANY_REQUESTS');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
  });
});

describe('a chat', () => {
  it('starts a chat conversation, answered in the chat while the visitor is online, by email once they left one and went; their email answer threads back', async () => {
    const { agent, address, conversationId, visitor } = await accountWithChat();
    const stream = await visitor.online();
    expect((await visitor.say('Hi, is the blue one in stock?', { name: 'Vic' })).status).toBe(201);
    const [item] = await eventually(async () => (await agent.get('/api/conversations?channel=chat')).body.items, (items) => items.length === 1, 'the chat in the inbox');
    expect(item).toMatchObject({ id: conversationId, channel: 'chat', subject: 'Chat with Vic', contact: { name: 'Vic', email: '' }, preview: 'Hi, is the blue one in stock?' });
    expect((await agent.get(`/api/conversations/${conversationId}`)).body.composer).toMatchObject({ canReply: true, via: 'chat' });

    const inChat = await agent.post(`/api/conversations/${conversationId}/replies`).send({ text: 'Yes, we have three.' });
    expect(inChat.status).toBe(202);
    expect(inChat.body.via).toBe('chat');
    expect((await visitor.lines()).messages.map((m) => [m.author, m.text, m.via])).toEqual([
      ['visitor', 'Hi, is the blue one in stock?', 'chat'],
      ['agent', 'Yes, we have three.', 'chat'],
    ]);
    await eventually(async () => stream.events.filter((e) => (e.data as { change?: string } | null)?.change === 'ChatReplyPosted').length, (n) => n === 1, 'the reply on the visitor stream');

    const claimed = await visitor.identify('Vic@Example.com', 'Vic Visitor');
    expect(claimed.status).toBe(202);
    expect(claimed.body).toEqual({ email: null, pendingEmail: 'vic@example.com' });
    expect((await visitor.confirm(await codeMailedTo('vic@example.com'))).body).toEqual({ email: 'vic@example.com' });
    const contacts = await eventually(async () => (await agent.get('/api/contacts')).body.items as Array<{ id: string; email: string }>, (items) => items.length === 1, 'the visitor as contact');
    expect(contacts[0].email).toBe('vic@example.com');
    const profile = (await agent.get(`/api/contacts/${contacts[0].id}`)).body;
    expect(profile.conversations).toEqual([expect.objectContaining({ id: conversationId, channel: 'chat' })]);
    expect(profile.recentActivity.map((a: { type: string }) => a.type).sort()).toEqual(['chat_started', 'created']);

    await stream.close();
    await eventually(async () => (await agent.get(`/api/conversations/${conversationId}`)).body.composer.via, (via) => via === 'email', 'the visitor going offline');
    const byEmail = await agent.post(`/api/conversations/${conversationId}/replies`).send({ text: 'They are reserved for you.' });
    expect(byEmail.body.via).toBe('email');
    const [mail] = await eventually(async () => relay.received.filter((m) => m.envelope.to.includes('vic@example.com') && !/chat code/.test(m.parsed.subject ?? '')), (mails) => mails.length === 1, 'the email to the visitor');
    expect(mail.parsed.subject).toBe('Follow-up from our conversation');
    expect(mail.parsed.text).toContain('They are reserved for you.');

    const answer = simpleMail({ to: address, from: 'Vic Visitor <vic@example.com>', subject: 'Re: Follow-up from our conversation', headers: [`In-Reply-To: ${mail.parsed.messageId}`], body: 'Great, I will pick them up.' });
    expect((await sendRaw(api.smtpPort, address, answer)).code).toBe(250);
    const thread = await eventually(async () => (await agent.get(`/api/conversations/${conversationId}`)).body, (t) => t.messages.length === 4, 'the email answer in the chat conversation');
    expect(thread.messages.map((m: { direction: string; kind: string }) => `${m.direction}:${m.kind}`)).toEqual(['inbound:chat', 'outbound:chat', 'outbound:mail', 'inbound:mail']);
    expect((await agent.get('/api/conversations')).body.items).toHaveLength(1);
    expect((await visitor.lines()).messages.map((m) => m.via)).toEqual(['chat', 'chat', 'email', 'email']);
  });

  it('keeps replies in the chat for a visitor who left without an email', async () => {
    const { agent, conversationId, visitor } = await accountWithChat();
    expect((await visitor.say('Anyone there?')).status).toBe(201);
    await eventually(async () => (await agent.get(`/api/conversations/${conversationId}`)).status, (status) => status === 200, 'the chat');
    // Chat lines are inbox activity like mail: found by search, unread until opened.
    const found = (await agent.get('/api/conversations?q=anyone')).body.items as Array<{ id: string; unread: boolean }>;
    expect(found.map((item) => [item.id, item.unread])).toEqual([[conversationId, true]]);
    const reply = await agent.post(`/api/conversations/${conversationId}/replies`).send({ text: 'Yes, sorry for the wait!' });
    expect(reply.body.via).toBe('chat');
    expect((await visitor.lines()).messages.map((m) => m.text)).toEqual(['Anyone there?', 'Yes, sorry for the wait!']);
    expect((await agent.get('/api/contacts')).body.items).toEqual([]);
  });
});

describe('an email address a visitor leaves', () => {
  it("is only a claim until the code mailed to it is entered: a visitor typing a customer's address never reaches the customer or their mail", async () => {
    const { agent, address, conversationId, visitor } = await accountWithChat();
    // A customer the account knows, with their own conversation and reply address.
    const customer = `carla.${Date.now().toString(36)}@example.com`;
    expect((await sendRaw(api.smtpPort, address, simpleMail({ to: address, from: `Carla <${customer}>`, subject: 'My order', body: 'Where is my order?' }))).code).toBe(250);
    const [own] = await eventually(async () => (await agent.get('/api/conversations?channel=email')).body.items as Array<{ id: string; contact: { id: string } }>, (items) => items.length === 1, "the customer's conversation");
    const replyAddress = (await eventually(async () => agent.get(`/api/contacts/${own.contact.id}/reply-address`), (r) => r.status === 200, 'the contact')).body.address as string;

    expect((await visitor.say('Hi, it is me, Carla')).status).toBe(201);
    const claimed = await visitor.identify(customer);
    expect(claimed.status).toBe(202);
    expect(claimed.body).toEqual({ email: null, pendingEmail: customer });
    // The chat stays its own contact: the agent sees no address, and the customer's contact has one conversation.
    expect((await agent.get(`/api/conversations/${conversationId}`)).body.contact).toMatchObject({ email: '' });
    expect((await visitor.lines()).visitor).toMatchObject({ email: null, pendingEmail: customer });
    const code = await codeMailedTo(customer);

    // An answer while the visitor is away stays in the chat: nothing goes to the customer but the code.
    const reply = await agent.post(`/api/conversations/${conversationId}/replies`).send({ text: 'Your order ships tomorrow.' });
    expect(reply.status).toBe(202);
    expect(reply.body.via).toBe('chat');
    // The customer writes to their own reply address: it lands in their conversation, never in the chat.
    expect((await sendRaw(api.smtpPort, replyAddress, simpleMail({ to: replyAddress, from: `Carla <${customer}>`, subject: 'Re: offers', body: 'Private: my card ends 4242.' }))).code).toBe(250);
    await eventually(async () => (await agent.get(`/api/conversations/${own.id}`)).body.messages.length, (n) => n === 2, "the mail in the customer's conversation");
    expect((await visitor.lines()).messages.map((m) => [m.author, m.via])).toEqual([['visitor', 'chat'], ['agent', 'chat']]);
    expect((await agent.get(`/api/contacts/${own.contact.id}`)).body.conversations.map((c: { id: string }) => c.id)).toEqual([own.id]);
    expect(relay.received.filter((m) => m.envelope.to.includes(customer)).map((m) => m.parsed.subject)).toEqual([`${code} is your chat code`]);

    // Guessing is bounded: five wrong codes, then even the right one is refused until a new code is asked for.
    const wrong = code === '000000' ? '111111' : '000000';
    for (let i = 4; i >= 0; i--) {
      const answer = await visitor.confirm(wrong);
      expect(answer.status).toBe(422);
      expect(answer.body).toMatchObject({ code: 'CHAT.CODE_INCORRECT', message: `code is not the one we mailed (${i} attempt(s) left)`, attemptsLeft: i });
    }
    const late = await visitor.confirm(code);
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('CHAT.CODE_EXPIRED');
    expect((await agent.get(`/api/conversations/${conversationId}`)).body.contact).toMatchObject({ email: '' });
    expect((await request(api.app.getHttpServer()).get('/api/health')).status).toBe(200);
  });

  it('confirmed before the first line, starts the chat as that contact', async () => {
    const { agent, conversationId, visitor } = await accountWithChat();
    expect((await visitor.identify('Dora@Example.com', 'Dora')).status).toBe(202);
    expect((await visitor.confirm(` ${await codeMailedTo('dora@example.com')} `)).body).toEqual({ email: 'dora@example.com' });
    expect((await visitor.lines()).visitor).toMatchObject({ email: 'dora@example.com', pendingEmail: null });
    expect((await visitor.say('Hello')).status).toBe(201);
    expect((await agent.get(`/api/conversations/${conversationId}`)).body.contact).toMatchObject({ email: 'dora@example.com', name: 'Dora' });
    // Asking again for a proven address mails nothing more.
    expect((await visitor.identify('dora@example.com')).body).toEqual({ email: 'dora@example.com', pendingEmail: null });
  });

  it('is refused while chat is switched off', async () => {
    const { agent, visitor } = await accountWithChat();
    expect((await visitor.say('Hi')).status).toBe(201);
    expect((await agent.patch('/api/channels/chat').send({ enabled: false })).status).toBe(200);
    const refused = await visitor.identify('late@example.com');
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('CHAT.DISABLED');
    expect(relay.received.filter((m) => m.envelope.to.includes('late@example.com'))).toEqual([]);
  });
});
