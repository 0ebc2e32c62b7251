import request from 'supertest';
import { PASSWORD, signUp, startTestApi, uniqueEmail, type TestApi } from './support/api-app';
import { eventually } from './support/eventually';
import { listening, openEventStream } from './support/event-stream';
import { sendRaw, simpleMail } from './support/smtp-client';

// Internal notes with mentions through HTTP: in the thread for the team only, and the mentioned
// colleague's notifications (list, unread count, live, marked read).

let api: TestApi;
let baseUrl: string;
beforeAll(async () => {
  api = await startTestApi({ INBOX_DOMAIN: 'inbox.test' });
  baseUrl = await listening(api);
});
afterAll(() => api.close());

type Agent = ReturnType<TestApi['agent']>;
let counter = 0;

/** An account with a conversation from mail, its owner Anna, an agent Ben and an auditor Aude. */
async function team() {
  const owner = await signUp(api, { ownerName: 'Anna Owner' });
  // On a loaded machine the first session can take a moment to show in the read models.
  await eventually(async () => (await owner.agent.get('/api/me')).status, (status) => status === 200, 'the new session');
  const member = async (name: string, role: 'agent' | 'auditor') => {
    const email = uniqueEmail(role);
    const created = await owner.agent.post('/api/users').send({ name, email, password: PASSWORD, role });
    expect(created.status).toBe(201);
    const agent = api.agent();
    const login = await agent.post('/api/auth/login').send({ email, password: PASSWORD });
    if (login.status >= 300) throw new Error(`login as ${name}: ${login.status} ${JSON.stringify(login.body)}`);
    return { agent, userId: created.body.userId as string };
  };
  const ben = await member('Ben Agent', 'agent');
  const aude = await member('Aude Auditor', 'auditor');
  counter += 1;
  const { body } = await owner.agent.post('/api/channels/email/forwarding-address').send({ username: 'help', subdomain: `nt${Date.now().toString(36)}${counter}` });
  expect((await sendRaw(api.smtpPort, body.address, simpleMail({ to: body.address, subject: 'Broken zipper' }))).code).toBe(250);
  const [conversation] = await eventually(async () => (await owner.agent.get('/api/conversations')).body.items as Array<{ id: string }>, (items) => items.length === 1, 'the mail');
  return { owner, ben, aude, conversationId: conversation.id };
}

const thread = async (agent: Agent, id: string) => (await agent.get(`/api/conversations/${id}`)).body;
const cookieOf = async (agent: Agent) => ((await agent.get('/api/me')).request as unknown as { cookies: string }).cookies;

describe('POST /api/conversations/:id/notes', () => {
  it('puts a note in the thread, in order, as a message of its own kind, never sent and no new inbound', async () => {
    const { owner, ben, conversationId } = await team();
    expect((await ben.agent.post(`/api/conversations/${conversationId}/seen`)).status).toBe(204);
    const before = await thread(owner.agent, conversationId);

    const added = await owner.agent.post(`/api/conversations/${conversationId}/notes`).send({ text: `@[Boss](${ben.userId}) please check the order` });
    expect(added.status).toBe(201);
    const after = await thread(owner.agent, conversationId);
    expect(after.messages).toHaveLength(2);
    expect(after.messages[1]).toMatchObject({
      id: added.body.noteId,
      direction: 'note',
      kind: 'note',
      // The mention carries the name the account gives Ben, not the one typed.
      text: `@[Ben Agent](${ben.userId}) please check the order`,
      from: { name: 'Anna Owner', address: '' },
      authorId: owner.userId,
      deliveryStatus: null,
      to: [],
    });
    // Activity, but neither unread for Ben nor a reopening, and the preview is still the contact's.
    const benInbox = (await ben.agent.get('/api/conversations')).body.items[0];
    expect(benInbox).toMatchObject({ id: conversationId, unread: false, preview: before.preview, status: 'open' });
    expect(benInbox.lastMessageAt >= before.lastMessageAt).toBe(true);
    expect((await api.agent().get('/api/health')).status).toBe(200);
  });

  it('is allowed on a closed conversation, which stays closed', async () => {
    const { owner, conversationId } = await team();
    await owner.agent.post(`/api/conversations/${conversationId}/close`);
    expect((await owner.agent.post(`/api/conversations/${conversationId}/notes`).send({ text: 'Closed, for the record' })).status).toBe(201);
    expect(await thread(owner.agent, conversationId)).toMatchObject({ status: 'closed' });
  });

  it('lets an auditor read notes but never write one, and answers another account 404', async () => {
    const { owner, aude, conversationId } = await team();
    await owner.agent.post(`/api/conversations/${conversationId}/notes`).send({ text: 'For the team' });
    const refused = await aude.agent.post(`/api/conversations/${conversationId}/notes`).send({ text: 'An auditor writing' });
    expect(refused.status).toBe(403);
    expect((await thread(aude.agent, conversationId)).messages.map((m: { direction: string; text: string }) => [m.direction, m.text])).toContainEqual(['note', 'For the team']);
    const stranger = await signUp(api);
    expect((await stranger.agent.post(`/api/conversations/${conversationId}/notes`).send({ text: 'Hello?' })).status).toBe(404);
  });

  it('refuses mentions of strangers, empty notes and notes over 10,000 characters, naming the text', async () => {
    const { owner, conversationId } = await team();
    const stranger = await signUp(api, { ownerName: 'Sam Stranger' });
    const cases: Array<[string, string | RegExp]> = [
      [`ask @[Sam](${stranger.userId})`, /mentions @Sam .*not an active user of this account/],
      ['ask @[Nobody](00000000-0000-4000-8000-000000000000)', /mentions @Nobody/],
      ['   ', 'text must not be empty'],
      ['x'.repeat(10_001), 'text must be at most 10000 characters'],
    ];
    for (const [text, message] of cases) {
      const answer = await owner.agent.post(`/api/conversations/${conversationId}/notes`).send({ text });
      expect(answer.status).toBe(422);
      expect(answer.body).toMatchObject({ statusCode: 422, field: 'text', message: expect.stringMatching(message) });
    }
    expect((await thread(owner.agent, conversationId)).messages).toHaveLength(1);
    expect((await stranger.agent.get('/api/notifications')).body).toEqual({ items: [], unread: 0 });
  });

  it('never reaches a chat visitor', async () => {
    const owner = await signUp(api);
    expect((await owner.agent.patch('/api/channels/chat').send({ enabled: true })).status).toBe(200);
    const session = await request(api.app.getHttpServer()).post(`/api/chat/${owner.accountId}/sessions`);
    const { sessionId, token, conversationId } = session.body as { sessionId: string; token: string; conversationId: string };
    const chat = `/api/chat/${owner.accountId}/sessions/${sessionId}/messages`;
    expect((await request(api.app.getHttpServer()).post(chat).set('Authorization', `Bearer ${token}`).send({ text: 'Hi there' })).status).toBe(201);
    expect((await owner.agent.post(`/api/conversations/${conversationId}/notes`).send({ text: 'Internal: VIP visitor' })).status).toBe(201);
    const transcript = (await request(api.app.getHttpServer()).get(chat).set('Authorization', `Bearer ${token}`)).body as { messages: Array<{ text: string }> };
    expect(transcript.messages.map((m) => m.text)).toEqual(['Hi there']);
    expect((await thread(owner.agent, conversationId)).messages.map((m: { text: string }) => m.text)).toEqual(['Hi there', 'Internal: VIP visitor']);
  });
});

describe('notifications', () => {
  it('tells the mentioned colleague live, lists it newest first with the unread count, and marks read by id or all', async () => {
    const { owner, ben, conversationId } = await team();
    const benTab = await openEventStream(`${baseUrl}/api/stream`, { Cookie: await cookieOf(ben.agent) });
    const ownerTab = await openEventStream(`${baseUrl}/api/stream`, { Cookie: await cookieOf(owner.agent) });
    try {
      const first = await owner.agent.post(`/api/conversations/${conversationId}/notes`).send({ text: `@[Ben](${ben.userId}) can you\ncall @[me](${owner.userId})?` });
      expect(first.status).toBe(201);
      await eventually(async () => benTab.events.filter((e) => e.type === 'notification'), (events) => events.length === 1, "Ben's notification on his stream");
      // The author mentioned herself: no notification for her, only the thread's change.
      await eventually(async () => ownerTab.events.map((e) => (e.data as { change?: string } | null)?.change), (changes) => changes.includes('NoteAdded'), 'the note on the stream');
      expect(ownerTab.events.filter((e) => e.type === 'notification')).toEqual([]);
      expect((await owner.agent.get('/api/notifications')).body).toEqual({ items: [], unread: 0 });

      const second = await owner.agent.post(`/api/conversations/${conversationId}/notes`).send({ text: `and @[Ben](${ben.userId}) once more` });
      const list = (await ben.agent.get('/api/notifications')).body;
      expect(list.unread).toBe(2);
      expect(list.items.map((n: { noteId: string }) => n.noteId)).toEqual([second.body.noteId, first.body.noteId]);
      expect(list.items[1]).toEqual({
        id: expect.any(String),
        kind: 'mention',
        conversationId,
        subject: 'Broken zipper',
        noteId: first.body.noteId,
        by: { userId: owner.userId, name: 'Anna Owner' },
        excerpt: '@Ben Agent can you call @Anna Owner?',
        at: expect.any(String),
        readAt: null,
      });

      const read = await ben.agent.post('/api/notifications/read').send({ ids: [list.items[1].id, 'not-one-of-his'] });
      expect(read.status).toBe(200);
      expect(read.body).toEqual({ unread: 1 });
      await eventually(async () => benTab.events.filter((e) => e.type === 'notification'), (events) => events.length === 3, 'the read on his other tabs');
      expect((await ben.agent.get('/api/notifications')).body.items[1].readAt).toEqual(expect.any(String));
      // Someone else cannot mark Ben's notifications read.
      expect((await owner.agent.post('/api/notifications/read').send({ ids: [list.items[0].id] })).body).toEqual({ unread: 0 });
      expect((await ben.agent.get('/api/notifications')).body.unread).toBe(1);

      expect((await ben.agent.post('/api/notifications/read').send({})).body).toEqual({ unread: 0 });
      expect((await ben.agent.get('/api/notifications')).body.items.every((n: { readAt: string | null }) => n.readAt !== null)).toBe(true);
    } finally {
      await benTab.close();
      await ownerTab.close();
    }
  });

  it('bounds what it takes: ids and limit', async () => {
    const { ben } = await team();
    const tooMany = await ben.agent.post('/api/notifications/read').send({ ids: Array.from({ length: 101 }, (_, i) => `n${i}`) });
    expect(tooMany.status).toBe(422);
    expect(tooMany.body).toMatchObject({ field: 'ids' });
    expect((await ben.agent.get('/api/notifications?limit=0')).status).toBe(422);
    expect((await ben.agent.get('/api/notifications?limit=5')).body).toEqual({ items: [], unread: 0 });
  });
});
