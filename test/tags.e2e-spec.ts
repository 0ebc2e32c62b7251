import { PASSWORD, signUp, startTestApi, uniqueEmail, type TestApi } from './support/api-app';
import { eventually } from './support/eventually';
import { sendRaw, simpleMail } from './support/smtp-client';

// Tags through HTTP, on mail that came in over real SMTP: set and clear them, filter and count the
// inbox by them, find conversations by their names, and the admins' rename and delete, which show
// on every conversation at once.

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({ INBOX_DOMAIN: 'inbox.test' });
});
afterAll(() => api.close());

type Agent = ReturnType<TestApi['agent']>;
interface Item {
  id: string;
  subject: string;
  tags: string[];
}
interface Page {
  items: Item[];
  counts: { open: number; snoozed: number; closed: number };
}

let counter = 0;
async function account() {
  const owner = await signUp(api);
  await signedIn(owner.agent);
  counter += 1;
  const { body } = await owner.agent.post('/api/channels/email/forwarding-address').send({ username: 'support', subdomain: `tg${Date.now().toString(36)}${counter}` });
  if (!body.address) throw new Error(`no forwarding address: ${JSON.stringify(body)}`);
  return { ...owner, address: body.address as string };
}

async function member(owner: Agent, role: 'admin' | 'agent' | 'auditor'): Promise<Agent> {
  const email = uniqueEmail(role);
  await owner.post('/api/users').send({ name: `${role} person`, email, password: PASSWORD, role });
  const agent = api.agent();
  await agent.post('/api/auth/login').send({ email, password: PASSWORD });
  await signedIn(agent);
  return agent;
}

/** A session shows once the read models have it (a loaded machine may answer the sign-up before). */
async function signedIn(agent: Agent): Promise<void> {
  await eventually(() => agent.get('/api/me'), (response) => response.status === 200, 'the new session');
}

async function list(agent: Agent, query = ''): Promise<Page> {
  const response = await agent.get(`/api/conversations${query}`);
  if (response.status !== 200) throw new Error(`${response.status} ${JSON.stringify(response.body)}`);
  return response.body as Page;
}

const subjects = (page: Page) => page.items.map((item) => item.subject);

describe('tags', () => {
  let owner: Agent;
  let agent: Agent;
  let auditor: Agent;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    const opened = await account();
    owner = opened.agent;
    agent = await member(owner, 'agent');
    auditor = await member(owner, 'auditor');
    const to = opened.address;
    for (const [subject, body] of [
      ['Double charge', 'My card was charged twice for order 17.'],
      ['Where is my parcel', 'It has not arrived yet.'],
      ['Jacket size', 'Do you have it in medium?'],
    ]) {
      const answer = await sendRaw(api.smtpPort, to, simpleMail({ to, from: 'Carla <carla@example.com>', subject, body }));
      if (answer.code !== 250) throw new Error(`not accepted: ${answer.response}`);
    }
    for (let i = 0; i < 200 && (await list(owner, '?status=')).items.length < 3; i++) await new Promise((resolve) => setTimeout(resolve, 25));
    for (const item of (await list(owner, '?status=')).items) ids[item.subject] = item.id;
  });

  it('lets an agent put tags on a conversation, creating new ones; the thread and the list show them', async () => {
    const set = await agent.put(`/api/conversations/${ids['Double charge']}/tags`).send({ tags: [' Billing ', 'VIP', 'billing'] });
    expect(set.status).toBe(200);
    expect(set.body).toEqual({ tags: ['Billing', 'VIP'] });
    expect((await owner.get(`/api/conversations/${ids['Double charge']}`)).body.tags).toEqual(['Billing', 'VIP']);
    const page = await list(owner, '?status=');
    expect(page.items.find((item) => item.subject === 'Double charge')?.tags).toEqual(['Billing', 'VIP']);
    expect(page.items.find((item) => item.subject === 'Jacket size')?.tags).toEqual([]);
    // A name that differs only in case is the same tag.
    expect((await agent.put(`/api/conversations/${ids['Where is my parcel']}/tags`).send({ tags: ['BILLING', 'Shipping'] })).body).toEqual({ tags: ['Billing', 'Shipping'] });
    const tags = (await owner.get('/api/tags')).body.items as Array<{ name: string; openConversations: number; conversations: number }>;
    expect(tags.map((tag) => [tag.name, tag.openConversations, tag.conversations])).toEqual([
      ['Billing', 2, 2],
      ['Shipping', 1, 1],
      ['VIP', 1, 1],
    ]);
  });

  it('changes and clears the tags of a conversation', async () => {
    const id = ids['Jacket size'];
    expect((await agent.put(`/api/conversations/${id}/tags`).send({ tags: ['Sizing', 'Returns'] })).body).toEqual({ tags: ['Returns', 'Sizing'] });
    expect((await agent.put(`/api/conversations/${id}/tags`).send({ tags: ['Sizing'] })).body).toEqual({ tags: ['Sizing'] });
    expect((await agent.put(`/api/conversations/${id}/tags`).send({ tags: [] })).body).toEqual({ tags: [] });
    expect((await owner.get(`/api/conversations/${id}`)).body.tags).toEqual([]);
    // The tags stay in the account's list, with nothing carrying them.
    const tags = (await owner.get('/api/tags')).body.items as Array<{ name: string; conversations: number }>;
    expect(tags.find((tag) => tag.name === 'Sizing')?.conversations).toBe(0);
  });

  it('answers 422 naming tags and the rule for names it cannot take', async () => {
    const id = ids['Jacket size'];
    const cases: Array<[unknown, string]> = [
      [['x'.repeat(41)], 'tags: a tag name must be 1 to 40 characters'],
      [['  '], 'tags: a tag name must be 1 to 40 characters'],
      [['a,b'], 'tags: a tag name must not contain commas or control characters'],
      [['tab\u0007'], 'tags: a tag name must not contain commas or control characters'],
      [Array.from({ length: 21 }, (_, i) => `tag ${i}`), 'tags: a conversation carries at most 20 tags'],
      ['vip', 'tags must be a list of tag names'],
      [[7], 'tags must be a list of tag names'],
    ];
    for (const [tags, message] of cases) {
      const response = await agent.put(`/api/conversations/${id}/tags`).send({ tags });
      expect([response.status, response.body.message]).toEqual([422, expect.stringContaining(message)]);
    }
    expect((await owner.get(`/api/conversations/${id}`)).body.tags).toEqual([]);
  });

  it('filters the inbox by a tag, with the other filters, and counts the tabs with the tag applied', async () => {
    expect(subjects(await list(owner, '?status=&tag=billing'))).toEqual(['Where is my parcel', 'Double charge']);
    await owner.post(`/api/conversations/${ids['Where is my parcel']}/close`).send({});
    const open = await list(owner, '?status=open&tag=Billing');
    expect(subjects(open)).toEqual(['Double charge']);
    expect(open.counts).toEqual({ open: 1, snoozed: 0, closed: 1 });
    expect(subjects(await list(owner, '?status=closed&tag=Billing'))).toEqual(['Where is my parcel']);
    expect((await list(owner, '?status=&tag=VIP&channel=chat')).items).toEqual([]);
    expect(await list(owner, '?status=&tag=nothing-like-it')).toEqual({ items: [], nextCursor: null, counts: { open: 0, snoozed: 0, closed: 0 } });
    expect((await list(owner, '?status=')).counts).toEqual({ open: 2, snoozed: 0, closed: 1 });
    const billing = ((await owner.get('/api/tags')).body.items as Array<{ name: string; openConversations: number; conversations: number }>).find((t) => t.name === 'Billing');
    expect(billing).toMatchObject({ openConversations: 1, conversations: 2 });
    await owner.post(`/api/conversations/${ids['Where is my parcel']}/reopen`).send({});
  });

  it("finds conversations by their tags' names, as well as by their text", async () => {
    expect(subjects(await list(owner, '?status=&q=shipp'))).toEqual(['Where is my parcel']);
    expect(subjects(await list(owner, '?status=&q=bill'))).toEqual(['Where is my parcel', 'Double charge']);
    expect(subjects(await list(owner, '?status=&q=charged'))).toEqual(['Double charge']);
    expect(subjects(await list(owner, '?status=&q=vip&tag=billing'))).toEqual(['Double charge']);
  });

  it('lets an admin rename a tag, which every conversation shows at once', async () => {
    const admin = await member(owner, 'admin');
    const billing = ((await owner.get('/api/tags')).body.items as Array<{ id: string; name: string }>).find((t) => t.name === 'Billing') as { id: string };
    const renamed = await admin.patch(`/api/tags/${billing.id}`).send({ name: 'Invoices' });
    expect([renamed.status, renamed.body]).toEqual([200, { id: billing.id, name: 'Invoices', openConversations: 2, conversations: 2 }]);
    expect((await owner.get(`/api/conversations/${ids['Double charge']}`)).body.tags).toEqual(['Invoices', 'VIP']);
    const page = await list(owner, '?status=');
    expect(page.items.find((item) => item.subject === 'Where is my parcel')?.tags).toEqual(['Invoices', 'Shipping']);
    expect(subjects(await list(owner, '?status=&tag=invoices'))).toEqual(['Where is my parcel', 'Double charge']);
    expect((await list(owner, '?status=&tag=Billing')).items).toEqual([]);
    expect(subjects(await list(owner, '?status=&q=invoic'))).toEqual(['Where is my parcel', 'Double charge']);
    const taken = await admin.patch(`/api/tags/${billing.id}`).send({ name: 'vip' });
    expect([taken.status, taken.body.message]).toEqual([409, 'name: another tag is already called "vip"']);
    const invalid = await admin.patch(`/api/tags/${billing.id}`).send({ name: 'a,b' });
    expect([invalid.status, invalid.body.message]).toEqual([422, 'name: a tag name must not contain commas or control characters']);
  });

  it('lets an admin delete a tag, which leaves every conversation', async () => {
    const tags = (await owner.get('/api/tags')).body.items as Array<{ id: string; name: string }>;
    const invoices = tags.find((t) => t.name === 'Invoices') as { id: string };
    expect((await owner.delete(`/api/tags/${invoices.id}`)).status).toBe(204);
    expect((await owner.get(`/api/conversations/${ids['Double charge']}`)).body.tags).toEqual(['VIP']);
    expect((await owner.get(`/api/conversations/${ids['Where is my parcel']}`)).body.tags).toEqual(['Shipping']);
    expect(((await owner.get('/api/tags')).body.items as Array<{ name: string }>).map((t) => t.name)).toEqual(['Returns', 'Shipping', 'Sizing', 'VIP']);
    expect((await list(owner, '?status=&tag=Invoices')).items).toEqual([]);
    expect((await owner.delete(`/api/tags/${invoices.id}`)).status).toBe(404);
    // The name is free again: a new tag, not the deleted one come back.
    expect((await agent.put(`/api/conversations/${ids['Jacket size']}/tags`).send({ tags: ['Invoices'] })).body).toEqual({ tags: ['Invoices'] });
    expect((await list(owner, '?status=&tag=Invoices')).items.map((item) => item.subject)).toEqual(['Jacket size']);
    expect((await api.agent().get('/api/health')).status).toBe(200);
  });

  it('lets the auditor read tags but not change them, and agents not rename or delete', async () => {
    const id = ids['Double charge'];
    expect((await auditor.get('/api/tags')).status).toBe(200);
    expect((await auditor.get(`/api/conversations/${id}`)).body.tags).toEqual(['VIP']);
    expect((await auditor.put(`/api/conversations/${id}/tags`).send({ tags: ['Nope'] })).status).toBe(403);
    const vip = ((await owner.get('/api/tags')).body.items as Array<{ id: string; name: string }>).find((t) => t.name === 'VIP') as { id: string };
    expect((await agent.patch(`/api/tags/${vip.id}`).send({ name: 'Very important' })).status).toBe(403);
    expect((await agent.delete(`/api/tags/${vip.id}`)).status).toBe(403);
    expect((await owner.get(`/api/conversations/${id}`)).body.tags).toEqual(['VIP']);
  });

  it("answers 404 to another account for this account's conversations and tags", async () => {
    const foreign = (await signUp(api)).agent;
    const vip = ((await owner.get('/api/tags')).body.items as Array<{ id: string; name: string }>).find((t) => t.name === 'VIP') as { id: string };
    expect((await foreign.put(`/api/conversations/${ids['Double charge']}/tags`).send({ tags: ['Mine'] })).status).toBe(404);
    expect((await foreign.patch(`/api/tags/${vip.id}`).send({ name: 'Mine' })).status).toBe(404);
    expect((await foreign.delete(`/api/tags/${vip.id}`)).status).toBe(404);
    expect((await foreign.get('/api/tags')).body.items).toEqual([]);
    expect((await foreign.get('/api/conversations?status=&tag=VIP')).body.items).toEqual([]);
    expect((await owner.get(`/api/conversations/${ids['Double charge']}`)).body.tags).toEqual(['VIP']);
  });
});
