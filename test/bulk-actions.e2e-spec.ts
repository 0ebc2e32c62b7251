import { EVENT_STORE, type EventStore } from '../src/shared/event-store/event-store.port';
import { PASSWORD, signUp, startTestApi, uniqueEmail, type TestApi } from './support/api-app';
import { eventually } from './support/eventually';
import { sendRaw, simpleMail } from './support/smtp-client';

// POST /api/conversations/bulk through the real app: each id acted on as alone (one event per
// conversation), an outcome per id, bad input named, other accounts never leaked.

type Agent = ReturnType<TestApi['agent']>;
interface Outcome {
  id: string;
  outcome: 'done' | 'unchanged' | 'refused';
  reason?: string;
}

let api: TestApi;
let owner: Awaited<ReturnType<typeof signUp>>;
let agentId: string;
let auditorId: string;
let auditor: Agent;
let foreign: Awaited<ReturnType<typeof signUp>>;
/** Conversations of the owner's account, by subject. */
const ids: Record<string, string> = {};
let address: string;

beforeAll(async () => {
  api = await startTestApi({ INBOX_DOMAIN: 'inbox.test' });
  owner = await signUp(api);
  for (const role of ['agent', 'auditor'] as const) {
    const email = uniqueEmail(role);
    const created = await eventually(
      () => owner.agent.post('/api/users').send({ name: `${role} person`, email, password: PASSWORD, role }),
      (response) => response.status === 201,
      `the ${role} to be created`,
    );
    if (role === 'agent') agentId = created.body.userId;
    else {
      auditorId = created.body.userId;
      auditor = api.agent();
      await eventually(() => auditor.post('/api/auth/login').send({ email, password: PASSWORD }), (response) => response.status === 200, 'the auditor to sign in');
    }
  }
  foreign = await signUp(api);
  ({ address } = (await owner.agent.post('/api/channels/email/forwarding-address').send({ username: 'support', subdomain: `bulk${Date.now().toString(36)}` })).body);
  for (const subject of ['First', 'Second', 'Third', 'Fourth']) {
    const answer = await sendRaw(api.smtpPort, address, simpleMail({ to: address, from: `${subject} Customer <${subject.toLowerCase()}@example.com>`, subject }));
    expect(answer.code).toBe(250);
  }
  const page = await eventually(
    () => owner.agent.get('/api/conversations?status=open'),
    (response) => response.body.items?.length === 4,
    'four open conversations',
  );
  for (const item of page.body.items) ids[item.subject] = item.id;
});
afterAll(() => api.close());

const bulk = (agent: Agent, body: object) => agent.post('/api/conversations/bulk').send(body);
const status = async (id: string) => (await owner.agent.get(`/api/conversations/${id}`)).body.status as string;

describe('POST /api/conversations/bulk', () => {
  it('closes each conversation once, says which already were, and refuses ids it does not know or that are not the account’s', async () => {
    await owner.agent.post(`/api/conversations/${ids.Third}/close`).expect(200);
    const foreignId = 'a-conversation-of-nobody';
    const response = await bulk(owner.agent, { ids: [ids.First, ids.Second, ids.Third, foreignId], action: 'close' }).expect(200);
    expect(response.body.results as Outcome[]).toEqual([
      { id: ids.First, outcome: 'done' },
      { id: ids.Second, outcome: 'done' },
      { id: ids.Third, outcome: 'unchanged', reason: 'already closed' },
      { id: foreignId, outcome: 'refused', reason: 'not found' },
    ]);
    // Read-your-writes, as the single action: the inbox shows them closed at once.
    const closed = (await owner.agent.get('/api/conversations?status=closed')).body.items.map((item: { id: string }) => item.id);
    expect(closed.sort()).toEqual([ids.First, ids.Second, ids.Third].sort());

    const store = api.app.get<EventStore>(EVENT_STORE);
    const closings = (await store.readAll({ maxCount: 100_000 })).filter((event) => event.type === 'ConversationClosed');
    const perConversation = closings.map((event) => (event.data as { conversationId: string }).conversationId).sort();
    expect(perConversation).toEqual([ids.First, ids.Second, ids.Third].sort());
    expect((await api.http.get('/api/health')).status).toBe(200);
  });

  it('reopens, assigns and unassigns in one go, and tells unchanged from done', async () => {
    const reopened = await bulk(owner.agent, { ids: [ids.First, ids.Fourth], action: 'reopen' }).expect(200);
    expect(reopened.body.results).toEqual([
      { id: ids.First, outcome: 'done' },
      { id: ids.Fourth, outcome: 'unchanged', reason: 'already open' },
    ]);
    expect(await status(ids.First)).toBe('open');

    const assigned = await bulk(owner.agent, { ids: [ids.First, ids.Fourth], action: 'assign', assigneeId: agentId }).expect(200);
    expect(assigned.body.results.map((r: Outcome) => r.outcome)).toEqual(['done', 'done']);
    expect((await owner.agent.get(`/api/conversations?assignee=${agentId}`)).body.items.map((i: { id: string }) => i.id).sort()).toEqual([ids.First, ids.Fourth].sort());

    const again = await bulk(owner.agent, { ids: [ids.Fourth], action: 'assign', assigneeId: agentId }).expect(200);
    expect(again.body.results).toEqual([{ id: ids.Fourth, outcome: 'unchanged', reason: 'already assigned to them' }]);

    const unassigned = await bulk(owner.agent, { ids: [ids.First, ids.Second], action: 'assign', assigneeId: null }).expect(200);
    expect(unassigned.body.results).toEqual([
      { id: ids.First, outcome: 'done' },
      { id: ids.Second, outcome: 'unchanged', reason: 'already unassigned' },
    ]);
  });

  it('answers 422 naming the field for bad input, and acts on nothing then', async () => {
    const tooMany = Array.from({ length: 101 }, (_, i) => `id-${i}`);
    const cases: Array<[object, string, RegExp]> = [
      [{ action: 'close' }, 'ids', /ids/],
      [{ ids: [], action: 'close' }, 'ids', /at least one/],
      [{ ids: tooMany, action: 'close' }, 'ids', /at most 100/],
      [{ ids: [ids.Fourth, ids.Fourth], action: 'close' }, 'ids', /twice/],
      [{ ids: [ids.Fourth, 7], action: 'close' }, 'ids', /text id/],
      [{ ids: ['x'.repeat(101)], action: 'close' }, 'ids', /at most 100 characters/],
      [{ ids: [ids.Fourth] }, 'action', /action must be one of close, reopen, assign/],
      [{ ids: [ids.Fourth], action: 'delete' }, 'action', /action must be one of/],
      [{ ids: [ids.Fourth], action: 'assign' }, 'assigneeId', /assigneeId is required/],
      [{ ids: [ids.Fourth], action: 'assign', assigneeId: auditorId }, 'assigneeId', /not an auditor/],
      [{ ids: [ids.Fourth], action: 'assign', assigneeId: 'nobody' }, 'assigneeId', /active user of this account/],
      [{ ids: [ids.Fourth], action: 'close', assigneeId: agentId }, 'assigneeId', /not accepted with action close/],
      [{ ids: [ids.Fourth], action: 'close', labels: ['x'] }, 'labels', /not an accepted field/],
    ];
    for (const [body, field, message] of cases) {
      const response = await bulk(owner.agent, body);
      expect({ body, status: response.status, field: response.body.field }).toEqual({ body, status: 422, field });
      expect(response.body.message).toMatch(message);
    }
    expect(await status(ids.Fourth)).toBe('open');
  });

  it('lets an auditor only read: 403, and nothing changes', async () => {
    const response = await bulk(auditor, { ids: [ids.Fourth], action: 'close' });
    expect(response.status).toBe(403);
    expect(await status(ids.Fourth)).toBe('open');
  });

  it('answers another account’s ids as not found, telling nothing of them, and leaves them as they were', async () => {
    const response = await bulk(foreign.agent, { ids: [ids.Fourth, ids.First], action: 'close' }).expect(200);
    expect(response.body).toEqual({
      results: [
        { id: ids.Fourth, outcome: 'refused', reason: 'not found' },
        { id: ids.First, outcome: 'refused', reason: 'not found' },
      ],
    });
    // The same answer as for an id that exists nowhere: nothing tells the two apart.
    const nowhere = await bulk(foreign.agent, { ids: ['nowhere'], action: 'close' }).expect(200);
    expect(nowhere.body.results[0]).toEqual({ id: 'nowhere', outcome: 'refused', reason: 'not found' });
    expect(await status(ids.Fourth)).toBe('open');
    expect(await status(ids.First)).toBe('open');
  });

  it('snoozes several until a preset or a time, refuses a closed one as the single route does, and wakes them with until null', async () => {
    const subjects = ['Snooze one', 'Snooze two', 'Snooze closed'];
    for (const subject of subjects) expect((await sendRaw(api.smtpPort, address, simpleMail({ to: address, subject }))).code).toBe(250);
    const page = await eventually(
      () => owner.agent.get('/api/conversations?status=open&limit=50'),
      (response) => subjects.every((subject) => response.body.items?.some((item: { subject: string }) => item.subject === subject)),
      'the three new conversations',
    );
    const [one, two, closed] = subjects.map((subject) => page.body.items.find((item: { subject: string }) => item.subject === subject).id as string);
    await owner.agent.post(`/api/conversations/${closed}/close`).expect(200);

    const snoozed = await bulk(owner.agent, { ids: [one, two, closed], action: 'snooze', preset: 'tomorrow-morning' }).expect(200);
    expect(snoozed.body.results.map((result: Outcome) => result.outcome)).toEqual(['done', 'done', 'refused']);
    expect(snoozed.body.results[2].reason).toMatch(/closed/);
    const inSnoozed = (await owner.agent.get('/api/conversations?status=snoozed')).body.items.map((item: { id: string }) => item.id);
    expect(inSnoozed.sort()).toEqual([one, two].sort());

    const until = new Date(Date.now() + 3 * 86_400_000).toISOString();
    expect((await bulk(owner.agent, { ids: [one], action: 'snooze', until }).expect(200)).body.results).toEqual([{ id: one, outcome: 'done' }]);
    expect((await bulk(owner.agent, { ids: [one], action: 'snooze', until }).expect(200)).body.results).toEqual([{ id: one, outcome: 'unchanged', reason: 'already snoozed until then' }]);
    for (const [body, message] of [
      [{ ids: [one], action: 'snooze' }, /until is required/],
      [{ ids: [one], action: 'snooze', until, preset: 'next-week' }, /not both/],
      [{ ids: [one], action: 'snooze', until: 'soon' }, /ISO 8601/],
      [{ ids: [one], action: 'close', until }, /not accepted with action close/],
    ] as const) {
      const response = await bulk(owner.agent, body);
      expect({ status: response.status, field: response.body.field }).toEqual({ status: 422, field: 'until' });
      expect(response.body.message).toMatch(message);
    }

    const woken = await bulk(owner.agent, { ids: [one, two], action: 'snooze', until: null }).expect(200);
    expect(woken.body.results).toEqual([
      { id: one, outcome: 'done' },
      { id: two, outcome: 'done' },
    ]);
    expect((await owner.agent.get('/api/conversations?status=snoozed')).body.items).toEqual([]);
  });

  it('tags several in one go, adding to the tags each carries, and says which carried it already', async () => {
    const [first, second] = [ids.First, ids.Second];
    await owner.agent.put(`/api/conversations/${first}/tags`).send({ tags: ['Billing'] }).expect(200);
    await owner.agent.put(`/api/conversations/${second}/tags`).send({ tags: ['Urgent'] }).expect(200);

    const tagged = await bulk(owner.agent, { ids: [first, second, 'nowhere'], action: 'tag', tags: ['Urgent'] }).expect(200);
    expect(tagged.body.results).toEqual([
      { id: first, outcome: 'done' },
      { id: second, outcome: 'unchanged', reason: 'already tagged so' },
      { id: 'nowhere', outcome: 'refused', reason: 'not found' },
    ]);
    const tagsOf = async (id: string) => ((await owner.agent.get(`/api/conversations/${id}`)).body.tags as string[]).sort();
    expect(await tagsOf(first)).toEqual(['Billing', 'Urgent']);
    expect(await tagsOf(second)).toEqual(['Urgent']);
    const byTag = (await owner.agent.get('/api/conversations?tag=Urgent')).body.items.map((item: { id: string }) => item.id);
    expect(byTag.sort()).toEqual([first, second].sort());

    for (const [body, message] of [
      [{ ids: [first], action: 'tag' }, /tags is required/],
      [{ ids: [first], action: 'tag', tags: [] }, /at least one tag/],
      [{ ids: [first], action: 'tag', tags: 'Urgent' }, /list of tag names/],
      [{ ids: [first], action: 'tag', tags: ['a,b'] }, /comma/],
      [{ ids: [first], action: 'close', tags: ['Urgent'] }, /not accepted with action close/],
    ] as const) {
      const response = await bulk(owner.agent, body);
      expect({ body, status: response.status, field: response.body.field }).toEqual({ body, status: 422, field: 'tags' });
      expect(response.body.message).toMatch(message);
    }
    expect((await bulk(auditor, { ids: [first], action: 'tag', tags: ['Audit'] })).status).toBe(403);
  });
});
