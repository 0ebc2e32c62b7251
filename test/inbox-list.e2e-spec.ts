import { EVENT_STORE, type EventStore } from '../src/shared/event-store/event-store.port';
import { PASSWORD, signUp, startTestApi, uniqueEmail, type TestApi } from './support/api-app';
import { sendRaw, simpleMail } from './support/smtp-client';
import { eventually } from './support/eventually';

// The inbox list through HTTP: full-text search, tab counts and unread markers, on mail that came
// in over real SMTP.

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({ INBOX_DOMAIN: 'inbox.test' });
});
afterAll(() => api.close());

type Agent = ReturnType<TestApi['agent']>;
interface Item {
  id: string;
  subject: string;
  status: string;
  unread: boolean;
  contact: { name: string; email: string };
}
interface Page {
  items: Item[];
  nextCursor: string | null;
  counts: { open: number; closed: number; snoozed: number };
}

let counter = 0;
async function account() {
  const owner = await signUp(api);
  counter += 1;
  const { body } = await owner.agent.post('/api/channels/email/forwarding-address').send({ username: 'support', subdomain: `il${Date.now().toString(36)}${counter}` });
  return { ...owner, address: body.address as string };
}

async function deliver(address: string, options: Parameters<typeof simpleMail>[0]): Promise<void> {
  const answer = await sendRaw(api.smtpPort, address, simpleMail(options));
  if (answer.code !== 250) throw new Error(`not accepted: ${answer.response}`);
}

async function list(agent: Agent, query = ''): Promise<Page> {
  const response = await agent.get(`/api/conversations${query}`);
  if (response.status !== 200) throw new Error(`${response.status} ${JSON.stringify(response.body)}`);
  return response.body as Page;
}

async function until(agent: Agent, query: string, check: (page: Page) => boolean): Promise<Page> {
  for (let i = 0; i < 200; i++) {
    const page = await list(agent, query);
    if (check(page)) return page;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`GET /api/conversations${query} never showed what was expected`);
}

const subjects = (page: Page) => page.items.map((item) => item.subject);

describe('search', () => {
  let agent: Agent;
  beforeAll(async () => {
    const owner = await account();
    agent = owner.agent;
    const to = owner.address;
    await deliver(to, { to, from: 'Carla Customer <carla@example.com>', subject: 'Broken zipper', body: 'The zipper of my jacket broke after a week.' });
    await deliver(to, { to, from: 'Dan Dupont <dan.dupont@shop.example>', subject: 'Invoice request', body: 'Please send the invoice for order 4711.' });
    await deliver(to, {
      to,
      from: 'Eve Écrivain <eve@example.org>',
      subject: 'Delivery to Zürich',
      body: 'Will you ship to Zürich?\r\n\r\nOn Monday, Support wrote:\r\n> Our warehouse ships on Tuesdays.',
    });
    await deliver(to, { to, from: 'Fay <fay@example.net>', subject: 'Another zipper question', body: 'Do you sell spare zippers?' });
    await until(agent, '?status=', (page) => page.items.length === 4);
  });

  it('finds conversations by subject, message text, contact name and address, newest activity first', async () => {
    expect(subjects(await list(agent, '?q=zipper'))).toEqual(['Another zipper question', 'Broken zipper']);
    expect(subjects(await list(agent, '?q=jacket'))).toEqual(['Broken zipper']);
    expect(subjects(await list(agent, '?q=Dupont'))).toEqual(['Invoice request']);
    expect(subjects(await list(agent, `?q=${encodeURIComponent('dan.dupont@shop.example')}`))).toEqual(['Invoice request']);
    expect(subjects(await list(agent, '?q=4711'))).toEqual(['Invoice request']);
  });

  it('matches words by their beginning, all words together, regardless of case and accents', async () => {
    expect(subjects(await list(agent, '?q=INVO'))).toEqual(['Invoice request']);
    expect(subjects(await list(agent, '?q=zurich'))).toEqual(['Delivery to Zürich']);
    expect(subjects(await list(agent, '?q=ecrivain'))).toEqual(['Delivery to Zürich']);
    expect(subjects(await list(agent, '?q=zipper%20spare'))).toEqual(['Another zipper question']);
    expect(subjects(await list(agent, '?q=zipper%20invoice'))).toEqual([]);
  });

  it('does not find words that only appear in quoted history', async () => {
    expect(subjects(await list(agent, '?q=warehouse'))).toEqual([]);
  });

  it('never fails on FTS5 syntax in what the user typed', async () => {
    for (const q of ['"', 'zipper"', '*', 'AND', 'zipper OR', 'NOT zipper', '(zipper', 'NEAR(a b)', '^zip', 'body:zipper', 'zip*', '-', "o'brien", '🙂']) {
      const response = await agent.get(`/api/conversations?q=${encodeURIComponent(q)}`);
      expect({ q, status: response.status }).toEqual({ q, status: 200 });
    }
    expect(subjects(await list(agent, `?q=${encodeURIComponent('(zipper" *spare)')}`))).toEqual(['Another zipper question']);
  });

  it('combines with the status filter, the cursor and the limit, and keeps the counts of the whole inbox', async () => {
    const [newest] = (await list(agent, '?q=zipper')).items;
    expect((await agent.post(`/api/conversations/${newest.id}/close`)).status).toBe(200);
    expect(subjects(await list(agent, '?q=zipper&status=open'))).toEqual(['Broken zipper']);
    expect(subjects(await list(agent, '?q=zipper&status=closed'))).toEqual(['Another zipper question']);
    const first = await list(agent, '?q=zipper&status=&limit=1');
    expect(subjects(first)).toEqual(['Another zipper question']);
    expect(first.counts).toEqual({ open: 3, closed: 1, snoozed: 0 });
    const second = await list(agent, `?q=zipper&status=&limit=1&cursor=${first.nextCursor}`);
    expect(subjects(second)).toEqual(['Broken zipper']);
    expect(second.nextCursor).toBeNull();
  });

  it('refuses an overlong query naming the field', async () => {
    const response = await agent.get(`/api/conversations?q=${'a'.repeat(201)}`);
    expect(response.status).toBe(422);
    expect(response.body.message).toMatch(/^q /);
  });

  it("never finds another account's conversations", async () => {
    const other = await account();
    await deliver(other.address, { to: other.address, subject: 'Zipper elsewhere', body: 'zipper' });
    await until(other.agent, '?q=zipper', (page) => page.items.length === 1);
    expect(subjects(await list(agent, '?q=elsewhere'))).toEqual([]);
    expect(subjects(await list(other.agent, '?q=zipper'))).toEqual(['Zipper elsewhere']);
  });
});

describe('counts per status', () => {
  it('counts open and closed conversations with the channel and assignee filters, not the status filter', async () => {
    const owner = await account();
    const to = owner.address;
    for (const n of [1, 2, 3]) await deliver(to, { to, from: `C${n} <c${n}@example.com>`, subject: `Count ${n}` });
    const { items } = await until(owner.agent, '?status=', (page) => page.items.length === 3);
    expect((await list(owner.agent, '?status=closed')).counts).toEqual({ open: 3, closed: 0, snoozed: 0 });
    await owner.agent.post(`/api/conversations/${items[0].id}/close`).expect(200);
    await owner.agent.post(`/api/conversations/${items[1].id}/assign`).send({ userId: owner.userId }).expect(200);
    const closed = await list(owner.agent, '?status=closed');
    expect(closed.items).toHaveLength(1);
    expect(closed.counts).toEqual({ open: 2, closed: 1, snoozed: 0 });
    expect((await list(owner.agent, '?assignee=me')).counts).toEqual({ open: 1, closed: 0, snoozed: 0 });
    expect((await list(owner.agent, '?assignee=none')).counts).toEqual({ open: 1, closed: 1, snoozed: 0 });
    expect((await list(owner.agent, '?channel=chat')).counts).toEqual({ open: 0, closed: 0, snoozed: 0 });
    await owner.agent.post(`/api/conversations/${items[0].id}/reopen`).expect(200);
    expect((await list(owner.agent)).counts).toEqual({ open: 3, closed: 0, snoozed: 0 });
  });
});

describe('unread markers', () => {
  it('marks a conversation unread per user until they open it, and again when the contact writes', async () => {
    const owner = await account();
    const to = owner.address;
    const email = uniqueEmail('agent');
    await owner.agent.post('/api/users').send({ name: 'Agnes Agent', email, password: PASSWORD, role: 'agent' }).expect(201);
    const colleague = api.agent();
    await colleague.post('/api/auth/login').send({ email, password: PASSWORD }).expect(200);

    await deliver(to, { to, from: 'Gus <gus@example.com>', subject: 'Unread please', messageId: '<unread.1@example.com>' });
    const [item] = (await until(owner.agent, '', (page) => page.items.length === 1)).items;
    expect(item.unread).toBe(true);

    expect((await owner.agent.post(`/api/conversations/${item.id}/seen`)).status).toBe(204);
    expect((await list(owner.agent)).items[0].unread).toBe(false);
    expect((await list(colleague)).items[0].unread).toBe(true);

    // Opening it again with nothing new records nothing.
    await owner.agent.post(`/api/conversations/${item.id}/seen`).expect(204);
    const store = api.app.get<EventStore>(EVENT_STORE);
    const seenEvents = (await store.readAll({ maxCount: 100_000 })).filter((e) => e.type === 'ConversationSeen' && (e.data as { conversationId: string }).conversationId === item.id);
    expect(seenEvents).toHaveLength(1);
    expect(seenEvents[0].streamId.split('-')[0]).toBe('conversationseen');
    expect(seenEvents[0].data).toMatchObject({ conversationId: item.id, accountId: owner.accountId, userId: owner.userId });

    await deliver(to, { to, from: 'Gus <gus@example.com>', subject: 'Re: Unread please', headers: ['In-Reply-To: <unread.1@example.com>'] });
    await until(owner.agent, '', (page) => page.items.length === 1 && page.items[0].unread);
    await owner.agent.post(`/api/conversations/${item.id}/seen`).expect(204);
    expect((await list(owner.agent)).items[0].unread).toBe(false);
  });

  it('keeps mail that arrived after the page rendered unread: seen counts up to what the page showed', async () => {
    const owner = await account();
    const to = owner.address;
    await deliver(to, { to, from: 'Gus <gus@example.com>', subject: 'Stale page', messageId: '<stale.1@example.com>' });
    const [item] = (await until(owner.agent, '', (page) => page.items.length === 1)).items;
    const shown = (await owner.agent.get(`/api/conversations/${item.id}`)).body.messages as Array<{ receivedAt: string }>;
    // The page rendered the first mail; the second arrives before its seen call.
    await deliver(to, { to, from: 'Gus <gus@example.com>', subject: 'Re: Stale page', headers: ['In-Reply-To: <stale.1@example.com>'] });
    await eventually(async () => (await owner.agent.get(`/api/conversations/${item.id}`)).body.messages.length, (count) => count === 2, 'the second mail');
    expect((await owner.agent.post(`/api/conversations/${item.id}/seen`).send({ upTo: shown[0].receivedAt })).status).toBe(204);
    expect((await list(owner.agent)).items[0].unread).toBe(true);
    // Seen up to the newest mail, it is read.
    const newest = (await owner.agent.get(`/api/conversations/${item.id}`)).body.messages.at(-1).receivedAt as string;
    await owner.agent.post(`/api/conversations/${item.id}/seen`).send({ upTo: newest }).expect(204);
    expect((await list(owner.agent)).items[0].unread).toBe(false);
    const bad = await owner.agent.post(`/api/conversations/${item.id}/seen`).send({ upTo: 'yesterday' });
    expect(bad.status).toBe(422);
    expect(bad.body.message).toMatch(/upTo/);
  });

  it("answers 404 to marking another account's or an unknown conversation seen", async () => {
    const owner = await account();
    await deliver(owner.address, { to: owner.address, subject: 'Mine' });
    const [item] = (await until(owner.agent, '', (page) => page.items.length === 1)).items;
    const stranger = await signUp(api);
    expect((await stranger.agent.post(`/api/conversations/${item.id}/seen`)).status).toBe(404);
    expect((await owner.agent.post('/api/conversations/nope/seen')).status).toBe(404);
    expect((await list(owner.agent)).items[0].unread).toBe(true);
  });
});
