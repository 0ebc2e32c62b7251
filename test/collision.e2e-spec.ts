import { PASSWORD, signUp, startTestApi, uniqueEmail, type TestApi } from './support/api-app';
import { eventually } from './support/eventually';
import { listening, openEventStream, type EventStreamReader } from './support/event-stream';
import { sendRaw, simpleMail } from './support/smtp-client';

// Collision detection over HTTP: a reply is held when something arrived after the composer caught
// up (an inbound mail over SMTP, another agent's reply), and who views or types in a thread is
// pushed live over GET /api/stream and lapses when a tab stops heartbeating.

let api: TestApi;
let baseUrl: string;
beforeAll(async () => {
  api = await startTestApi({ INBOX_DOMAIN: 'inbox.test', PRESENCE_TTL_SECONDS: '2' });
  baseUrl = await listening(api);
});
afterAll(() => api.close());

type Agent = Awaited<ReturnType<typeof signUp>>['agent'];
interface Message {
  id: string;
  direction: string;
  receivedAt: string;
}

let counter = 0;
/** Anna (the owner) and Ben (an agent) of one account, with a conversation Carla started by mail. */
async function teamWithConversation() {
  const anna = await signUp(api, { ownerName: 'Anna Owner' });
  // A cold app under load can answer the sign-up before the session shows in the read models.
  await eventually(async () => (await anna.agent.get('/api/me')).status, (status) => status === 200, 'the session');
  counter += 1;
  const claimed = await anna.agent.post('/api/channels/email/forwarding-address').send({ username: 'support', subdomain: `co${Date.now().toString(36)}${counter}` });
  expect(claimed).toMatchObject({ status: 201, body: { address: expect.any(String) } });
  const address = claimed.body.address as string;
  const benEmail = uniqueEmail('ben');
  const created = await anna.agent.post('/api/users').send({ name: 'Ben Agent', email: benEmail, password: PASSWORD, role: 'agent' });
  const ben = api.agent();
  await ben.post('/api/auth/login').send({ email: benEmail, password: PASSWORD });
  const firstId = `<first.${Date.now().toString(36)}${counter}@example.com>`;
  expect(await sendRaw(api.smtpPort, address, simpleMail({ to: address, messageId: firstId }))).toMatchObject({ code: 250 });
  const [conversation] = await eventually(async () => (await anna.agent.get('/api/conversations')).body.items as Array<{ id: string }>, (items) => items.length === 1, 'the first mail');
  return { anna, ben, benId: created.body.userId as string, address, firstId, conversationId: conversation.id };
}

const messagesOf = async (agent: Agent, id: string) => (await agent.get(`/api/conversations/${id}`)).body.messages as Message[];
/** What the composer sends as savedAt: the newest message the page showed. */
const newestAt = (messages: Message[]) => messages.map((m) => m.receivedAt).sort().at(-1) as string;
const cookieOf = async (agent: Agent) => ((await agent.get('/api/me')).request as unknown as { cookies: string }).cookies;

describe('a held send', () => {
  it('is held (409, nothing recorded) when the contact wrote after the composer opened; force sends, and no savedAt sends as before', async () => {
    const { anna, address, firstId, conversationId } = await teamWithConversation();
    const savedAt = newestAt(await messagesOf(anna.agent, conversationId));

    const followUp = simpleMail({ to: address, subject: 'Re: Where is my order?', body: 'Never mind, it just arrived!', headers: [`In-Reply-To: ${firstId}`] });
    expect(await sendRaw(api.smtpPort, address, followUp)).toMatchObject({ code: 250 });
    const [, second] = await eventually(() => messagesOf(anna.agent, conversationId), (messages) => messages.length === 2, 'the follow-up');

    const held = await anna.agent.post(`/api/conversations/${conversationId}/replies`).send({ text: 'We are looking into it.', savedAt });
    expect(held.status).toBe(409);
    expect(held.body).toEqual({
      statusCode: 409,
      error: 'Conflict',
      code: 'CONVERSATION.SEND_HELD',
      message: expect.stringMatching(/A new message arrived/),
      arrived: [{ id: second.id, direction: 'inbound', kind: 'mail', from: 'Carla Customer', at: second.receivedAt, excerpt: 'Never mind, it just arrived!' }],
    });
    expect(await messagesOf(anna.agent, conversationId)).toHaveLength(2);

    const forced = await anna.agent.post(`/api/conversations/${conversationId}/replies`).send({ text: 'Glad to hear it!', savedAt, force: true });
    expect(forced.status).toBe(202);
    const unchecked = await anna.agent.post(`/api/conversations/${conversationId}/replies`).send({ text: 'And a coupon for the wait.' });
    expect(unchecked.status).toBe(202);
    const messages = await messagesOf(anna.agent, conversationId);
    expect(messages.filter((m) => m.direction === 'outbound').map((m) => m.id)).toEqual([forced.body.messageId, unchecked.body.messageId]);
    expect((await anna.agent.get('/api/health')).status).toBe(200);
  });

  it("is held by another agent's reply, never by one's own, and goes once the agent caught up (Edit)", async () => {
    const { anna, ben, conversationId } = await teamWithConversation();
    const annaSaw = newestAt(await messagesOf(anna.agent, conversationId));
    const bensReply = await ben.post(`/api/conversations/${conversationId}/replies`).send({ text: 'Ben here: a refund is on its way.', savedAt: annaSaw });
    expect(bensReply.status).toBe(202);

    const held = await anna.agent.post(`/api/conversations/${conversationId}/replies`).send({ text: 'I will send a new one.', savedAt: annaSaw });
    expect(held.status).toBe(409);
    expect(held.body.arrived).toEqual([{ id: bensReply.body.messageId, direction: 'outbound', kind: 'reply', from: 'Ben Agent from Acme', at: expect.any(String), excerpt: 'Ben here: a refund is on its way.' }]);

    // Ben's own reply does not hold Ben's next one.
    expect((await ben.post(`/api/conversations/${conversationId}/replies`).send({ text: 'PS: tracking number follows.', savedAt: annaSaw })).status).toBe(202);

    // Edit: the composer takes the newest message it was shown as its savedAt.
    const caughtUp = newestAt(await messagesOf(anna.agent, conversationId));
    expect((await anna.agent.post(`/api/conversations/${conversationId}/replies`).send({ text: 'Thanks, Ben!', savedAt: caughtUp })).status).toBe(202);
  });

  it('names the field when savedAt or force is not what it should be', async () => {
    const { anna, conversationId } = await teamWithConversation();
    const badTime = await anna.agent.post(`/api/conversations/${conversationId}/replies`).send({ text: 'Hi', savedAt: 'yesterday' });
    expect(badTime.status).toBe(422);
    expect(badTime.body.message).toMatch(/savedAt must be an ISO 8601 time/);
    const badForce = await anna.agent.post(`/api/conversations/${conversationId}/replies`).send({ text: 'Hi', force: 'yes' });
    expect(badForce.status).toBe(422);
    expect(badForce.body.message).toMatch(/force must be true or false/);
  });
});

describe('presence in a thread', () => {
  const presenceOf = (tab: EventStreamReader, conversationId: string) =>
    tab.events.filter((e) => e.type === 'presence' && (e.data as { conversationId: string }).conversationId === conversationId).map((e) => (e.data as { users: unknown[] }).users);

  it("shows the account's other users who view and type, live, and lapses when a tab stops heartbeating", async () => {
    const { anna, ben, benId, conversationId } = await teamWithConversation();
    const stranger = await signUp(api);
    const annaId = (await anna.agent.get('/api/me')).body.userId as string;
    const bensTab = await openEventStream(`${baseUrl}/api/stream`, { Cookie: await cookieOf(ben) });
    const annasTab = await openEventStream(`${baseUrl}/api/stream`, { Cookie: await cookieOf(anna.agent) });
    const strangersTab = await openEventStream(`${baseUrl}/api/stream`, { Cookie: await cookieOf(stranger.agent) });
    try {
      const first = await anna.agent.post(`/api/conversations/${conversationId}/presence`).send({ state: 'viewing' });
      expect(first.status).toBe(200);
      expect(first.body).toEqual({ users: [] });
      await eventually(async () => presenceOf(bensTab, conversationId), (seen) => seen.length === 1, 'Anna viewing on Ben’s stream');
      expect(presenceOf(bensTab, conversationId)[0]).toEqual([{ userId: annaId, name: 'Anna Owner', state: 'viewing' }]);

      await anna.agent.post(`/api/conversations/${conversationId}/presence`).send({ state: 'typing' });
      await eventually(async () => presenceOf(bensTab, conversationId).at(-1), (users) => JSON.stringify(users).includes('"typing"'), 'Anna typing');
      const bensBeat = await ben.post(`/api/conversations/${conversationId}/presence`).send({ state: 'viewing' });
      expect(bensBeat.body).toEqual({ users: [{ userId: annaId, name: 'Anna Owner', state: 'typing' }] });
      // Anna's own tab hears about Ben, never about herself.
      await eventually(async () => presenceOf(annasTab, conversationId).at(-1), (users) => JSON.stringify(users) === JSON.stringify([{ userId: benId, name: 'Ben Agent', state: 'viewing' }]), 'Ben on Anna’s stream');

      // Anna's tab closes: its goodbye takes her off at once.
      await anna.agent.post(`/api/conversations/${conversationId}/presence`).send({ state: 'left' });
      await eventually(async () => presenceOf(bensTab, conversationId).at(-1), (users) => Array.isArray(users) && users.length === 0, 'Anna gone');

      // Ben's tab dies without a word: he lapses after the time to live.
      await eventually(async () => presenceOf(annasTab, conversationId).at(-1), (users) => Array.isArray(users) && users.length === 0, 'Ben lapsing', 10_000);
      expect(strangersTab.events.filter((e) => e.type === 'presence')).toEqual([]);
    } finally {
      await bensTab.close();
      await annasTab.close();
      await strangersTab.close();
    }
  });

  it("refuses another account's conversation (404), an unknown state (422 naming it), and too many heartbeats (429)", async () => {
    const { anna, conversationId } = await teamWithConversation();
    const stranger = await signUp(api);
    expect((await stranger.agent.post(`/api/conversations/${conversationId}/presence`).send({ state: 'viewing' })).status).toBe(404);
    const unknown = await anna.agent.post(`/api/conversations/${conversationId}/presence`).send({ state: 'dancing' });
    expect(unknown.status).toBe(422);
    expect(unknown.body.message).toMatch(/state must be viewing, typing or left/);

    let answer = await anna.agent.post(`/api/conversations/${conversationId}/presence`).send({ state: 'viewing' });
    for (let beats = 1; answer.status === 200 && beats <= 200; beats += 1) answer = await anna.agent.post(`/api/conversations/${conversationId}/presence`).send({ state: 'viewing' });
    expect(answer.status).toBe(429);
    expect(Number(answer.headers['retry-after'])).toBeGreaterThan(0);
  });
});
