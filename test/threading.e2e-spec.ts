import { markerFor, plusAddress, replyTokenFor } from '../src/shared/domain/reply-address';
import { signUp, startTestApi, type TestApi } from './support/api-app';
import { sendRaw } from './support/smtp-client';
import { eventually } from './support/eventually';

// Replies as real clients write them, over real SMTP, into real conversations.

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({ INBOX_DOMAIN: 'inbox.test' });
});
afterAll(() => api.close());

let counter = 0;
async function setUp() {
  const owner = await signUp(api);
  counter += 1;
  const { body } = await owner.agent.post('/api/channels/email/forwarding-address').send({ username: 'support', subdomain: `th${Date.now().toString(36)}${counter}` });
  return { ...owner, address: body.address as string };
}

function mail(headers: Record<string, string>, body = 'Hello there.'): string {
  const lines = Object.entries({ 'MIME-Version': '1.0', 'Content-Type': 'text/plain; charset=utf-8', Date: 'Tue, 24 Nov 2026 10:00:00 +0000', ...headers })
    .filter(([, value]) => value !== '')
    .map(([name, value]) => `${name}: ${value}`);
  return [...lines, '', body, ''].join('\r\n');
}

async function deliver(address: string, raw: string, rcpt = address): Promise<string> {
  const answer = await sendRaw(api.smtpPort, rcpt, raw);
  if (answer.code !== 250) throw new Error(`not accepted: ${answer.response}`);
  return /stored as (\S+)/.exec(answer.response)?.[1] as string;
}

type Agent = Awaited<ReturnType<typeof setUp>>['agent'];
const conversations = async (agent: Agent) => (await agent.get('/api/conversations')).body.items as Array<{ id: string; subject: string; contact: { email: string } }>;
const detail = async (agent: Agent, id: string) => (await agent.get(`/api/conversations/${id}`)).body;

describe('a first mail', () => {
  it('starts a conversation with the sender as a new contact whose profile lists it', async () => {
    const { agent, address } = await setUp();
    await deliver(address, mail({ From: 'Carla Customer <Carla@Example.com>', To: address, Subject: 'Broken zipper', 'Message-ID': '<first.1@mail.example.com>', Cc: 'Dan <dan@example.com>' }, 'My zipper broke.'));
    const [conversation] = await eventually(() => conversations(agent), (items) => items.length === 1);
    expect(conversation).toMatchObject({ subject: 'Broken zipper', channel: 'email', status: 'open', contact: { email: 'carla@example.com', name: 'Carla Customer' }, preview: 'My zipper broke.' });

    const thread = await detail(agent, conversation.id);
    expect(thread.messages).toHaveLength(1);
    expect(thread.messages[0]).toMatchObject({ direction: 'inbound', kind: 'mail', text: 'My zipper broke.', internetMessageId: '<first.1@mail.example.com>', deliveryStatus: null });
    expect(thread.participants.sort()).toEqual(['carla@example.com', 'dan@example.com']);

    const contacts = await eventually(async () => (await agent.get('/api/contacts')).body.items as Array<{ id: string; email: string }>, (items) => items.length === 1);
    expect(contacts.map((c) => c.email)).toEqual(['carla@example.com']);
    const profile = (await agent.get(`/api/contacts/${contacts[0].id}`)).body;
    expect(profile.conversations).toEqual([expect.objectContaining({ id: conversation.id, channel: 'email', subject: 'Broken zipper' })]);
    expect(profile.recentActivity.map((a: { type: string }) => a.type)).toEqual(['created']);
  });
});

describe('replies as mail clients write them', () => {
  async function withFirstMail() {
    const setup = await setUp();
    await deliver(setup.address, mail({ From: 'Carla <carla@example.com>', To: setup.address, Subject: 'Order 77', 'Message-ID': '<order77.a@mail.example.com>', Cc: 'dan@example.com' }));
    const [first] = await eventually(() => conversations(setup.agent), (items) => items.length === 1);
    return { ...setup, first };
  }
  const expectOneConversationWithMessages = async (agent: Agent, id: string, count: number) => {
    const thread = await eventually(() => detail(agent, id), (t) => t.messages.length === count);
    expect(await conversations(agent)).toHaveLength(1);
    return thread;
  };

  it('threads a Gmail reply (In-Reply-To and References)', async () => {
    const { agent, address, first } = await withFirstMail();
    await deliver(address, mail({ From: 'Carla <carla@example.com>', To: address, Subject: 'Re: Order 77', 'Message-ID': '<CAF=gmail123@mail.gmail.com>', 'In-Reply-To': '<order77.a@mail.example.com>', References: '<order77.a@mail.example.com>' }, 'Any news?\r\n\r\nOn Tue, 24 Nov 2026 at 10:00, Support <support@x> wrote:\r\n> old text'));
    const thread = await expectOneConversationWithMessages(agent, first.id, 2);
    expect(thread.messages[1].replyText).toBe('Any news?');
  });

  it('threads an Outlook reply that has no In-Reply-To, by Thread-Index', async () => {
    const { agent, address } = await setUp();
    const root = Buffer.from('01d9a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4', 'hex').toString('base64');
    await deliver(address, mail({ From: 'Olga <olga@contoso.example>', To: address, Subject: 'Invoice', 'Message-ID': '<AM0PR01.first@contoso.example>', 'Thread-Index': root }));
    const [first] = await eventually(() => conversations(agent), (items) => items.length === 1);
    const reply = Buffer.concat([Buffer.from(root, 'base64'), Buffer.from('0a0b0c0d0e', 'hex')]).toString('base64');
    await deliver(address, mail({ From: 'Olga <olga@contoso.example>', To: address, Subject: 'RE: Invoice', 'Message-ID': '<AM0PR01.second@contoso.example>', 'Thread-Index': reply, 'Thread-Topic': 'Invoice' }));
    await expectOneConversationWithMessages(agent, first.id, 2);
  });

  it('threads an Apple Mail reply with a folded References chain', async () => {
    const { agent, address, first } = await withFirstMail();
    await deliver(address, mail({ From: 'Carla <carla@example.com>', To: address, Subject: 'Re: Order 77', 'Message-Id': '<B2C3D4E5-1111-2222-3333-444455556666@example.com>', 'In-Reply-To': '<order77.a@mail.example.com>', References: '<unknown.zero@example.com>\r\n <order77.a@mail.example.com>' }));
    await expectOneConversationWithMessages(agent, first.id, 2);
  });

  it('threads a Thunderbird reply from a Cc participant, who does not become a contact', async () => {
    const { agent, address, first } = await withFirstMail();
    await deliver(address, mail({ From: 'Dan <dan@example.com>', To: address, Subject: 'Re: Order 77', 'Message-ID': '<d1e2f3a4-tb@example.com>', 'In-Reply-To': '<order77.a@mail.example.com>', References: '<order77.a@mail.example.com>', 'User-Agent': 'Mozilla Thunderbird' }));
    await expectOneConversationWithMessages(agent, first.id, 2);
    const contacts = await eventually(async () => (await agent.get('/api/contacts')).body.items as Array<{ email: string }>, (items) => items.length >= 1);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(contacts.map((c) => c.email)).toEqual(['carla@example.com']);
  });

  it('threads a reply sent to the plus-addressed reply token, without any references', async () => {
    const { agent, address, first } = await withFirstMail();
    const plus = plusAddress(address, replyTokenFor(first.id));
    await deliver(address, mail({ From: 'Carla <carla@example.com>', To: plus, Subject: 'another question', 'Message-ID': '<noref.1@example.com>' }), plus);
    await expectOneConversationWithMessages(agent, first.id, 2);
  });

  it('threads by our marker in the quoted body when the provider rewrote every Message-ID', async () => {
    const { agent, address, first } = await withFirstMail();
    const marker = markerFor(replyTokenFor(first.id));
    await deliver(address, mail({ From: 'Carla <carla@example.com>', To: address, Subject: 'Re: Order 77', 'Message-ID': '<rewritten.9@relay.example>' }, `Thanks!\r\n\r\n> Your order ships today.\r\n> ${marker}`));
    await expectOneConversationWithMessages(agent, first.id, 2);
  });

  it('starts a new conversation, linked, when a stranger quotes our Message-ID', async () => {
    const { agent, address, first } = await withFirstMail();
    await deliver(address, mail({ From: 'Eve <eve@elsewhere.example>', To: address, Subject: 'Re: Order 77', 'Message-ID': '<eve.1@elsewhere.example>', 'In-Reply-To': '<order77.a@mail.example.com>', References: '<order77.a@mail.example.com>' }));
    const items = await eventually(() => conversations(agent), (list) => list.length === 2);
    const stranger = items.find((c) => c.contact.email === 'eve@elsewhere.example') as { id: string };
    expect((await detail(agent, stranger.id)).linkedConversationIds).toEqual([first.id]);
    expect((await detail(agent, first.id)).linkedConversationIds).toEqual([stranger.id]);
    expect((await detail(agent, first.id)).messages).toHaveLength(1);
  });
});

describe('automatic mail', () => {
  it('records an auto-reply on its conversation, with no new contact', async () => {
    const { agent, address } = await setUp();
    await deliver(address, mail({ From: 'Carla <carla@example.com>', To: address, Subject: 'Question', 'Message-ID': '<q.1@example.com>' }));
    const [first] = await eventually(() => conversations(agent), (items) => items.length === 1);
    await deliver(address, mail({ From: 'Robot <robot@example.com>', To: address, Subject: 'Out of office: Question', 'Message-ID': '<ooo.1@example.com>', 'In-Reply-To': '<q.1@example.com>', 'Auto-Submitted': 'auto-replied' }));
    const thread = await eventually(() => detail(agent, first.id), (t) => t.messages.length === 2);
    expect(thread.messages[1].kind).toBe('auto-reply');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(((await agent.get('/api/contacts')).body.items as Array<{ email: string }>).map((c) => c.email)).toEqual(['carla@example.com']);
  });

  it('puts an auto-reply to nothing we know, and a mail without sender, in the failed-mail queue with the reason', async () => {
    const { agent, address } = await setUp();
    await deliver(address, mail({ From: 'Robot <robot@example.com>', To: address, Subject: 'Automatic reply', 'Message-ID': '<ooo.2@example.com>', 'Auto-Submitted': 'auto-replied' }));
    const withoutFrom = await deliver(address, mail({ To: address, Subject: 'who am I', 'Message-ID': '<nofrom.1@example.com>' }));
    const failed = await eventually(async () => (await agent.get('/api/failed-mail')).body.items as Array<{ id: string; reason: string }>, (items) => items.length === 2);
    expect(failed.map((f) => f.reason).sort()).toEqual(['auto-reply that answers no known conversation', 'the mail names no sender (no From or Reply-To)']);
    expect(await conversations(agent)).toHaveLength(0);

    const raw = await agent.get(`/api/failed-mail/${withoutFrom}/raw`);
    expect(raw.status).toBe(200);
    const again = await agent.post(`/api/failed-mail/${withoutFrom}/reprocess`).send({});
    expect(again.body).toEqual({ id: withoutFrom, status: 'failed', reason: 'the mail names no sender (no From or Reply-To)' });
  });
});

describe('agents on conversations', () => {
  it('closes and reopens; a reply from the contact reopens a closed conversation, an auto-reply does not', async () => {
    const { agent, address } = await setUp();
    await deliver(address, mail({ From: 'Carla <carla@example.com>', To: address, Subject: 'Lost parcel', 'Message-ID': '<lost.1@example.com>' }));
    const [conversation] = await eventually(() => conversations(agent), (items) => items.length === 1);

    const closed = await agent.post(`/api/conversations/${conversation.id}/close`).send({});
    expect(closed.body).toMatchObject({ id: conversation.id, status: 'closed' });
    expect((await agent.get('/api/conversations?status=open')).body.items).toEqual([]);
    expect((await agent.get('/api/conversations?status=closed')).body.items).toHaveLength(1);

    await deliver(address, mail({ From: 'Robot <robot@example.com>', To: address, Subject: 'Auto: Lost parcel', 'Message-ID': '<auto.9@example.com>', 'In-Reply-To': '<lost.1@example.com>', 'Auto-Submitted': 'auto-replied' }));
    await eventually(() => detail(agent, conversation.id), (t) => t.messages.length === 2);
    expect((await detail(agent, conversation.id)).status).toBe('closed');

    await deliver(address, mail({ From: 'Carla <carla@example.com>', To: address, Subject: 'Re: Lost parcel', 'Message-ID': '<lost.2@example.com>', 'In-Reply-To': '<lost.1@example.com>' }));
    const reopened = await eventually(() => detail(agent, conversation.id), (t) => t.messages.length === 3);
    expect(reopened.status).toBe('open');

    await agent.post(`/api/conversations/${conversation.id}/close`).send({});
    expect((await agent.post(`/api/conversations/${conversation.id}/reopen`).send({})).body.status).toBe('open');
  });

  it('assigns to a user of the account who can reply, filters by assignee, and unassigns', async () => {
    const owner = await setUp();
    await deliver(owner.address, mail({ From: 'Carla <carla@example.com>', To: owner.address, Subject: 'Help', 'Message-ID': '<help.1@example.com>' }));
    const [conversation] = await eventually(() => conversations(owner.agent), (items) => items.length === 1);
    const agentUser = (await owner.agent.post('/api/users').send({ name: 'Alex', email: `alex.${Date.now()}@example.com`, password: 'correct horse battery', role: 'agent' })).body;
    const auditor = (await owner.agent.post('/api/users').send({ name: 'Aud', email: `aud.${Date.now()}@example.com`, password: 'correct horse battery', role: 'auditor' })).body;
    const stranger = await signUp(api);
    const deactivated = (await owner.agent.post('/api/users').send({ name: 'Gone', email: `gone.${Date.now()}@example.com`, password: 'correct horse battery', role: 'agent' })).body;
    await owner.agent.patch(`/api/users/${deactivated.userId}`).send({ active: false });

    // Everyone in the inbox may see whom to assign to: active users who can reply.
    const assignees = (await owner.agent.get('/api/assignees')).body.items as Array<{ userId: string; name: string }>;
    expect(assignees.map((a) => a.name)).toEqual(['Alex', 'Anna Owner']);

    const assigned = await owner.agent.post(`/api/conversations/${conversation.id}/assign`).send({ userId: agentUser.userId });
    expect(assigned.body.assignee).toBe(agentUser.userId);
    expect((await owner.agent.get(`/api/conversations?assignee=${agentUser.userId}`)).body.items).toHaveLength(1);
    expect((await owner.agent.get('/api/conversations?assignee=none')).body.items).toHaveLength(0);

    for (const userId of [auditor.userId, stranger.userId, deactivated.userId, 'nobody']) {
      const refused = await owner.agent.post(`/api/conversations/${conversation.id}/assign`).send({ userId });
      expect(refused.status).toBe(422);
      expect(refused.body.field).toBe('userId');
    }
    expect((await stranger.agent.post(`/api/conversations/${conversation.id}/close`).send({})).status).toBe(404);

    const unassigned = await owner.agent.post(`/api/conversations/${conversation.id}/assign`).send({ userId: null });
    expect(unassigned.body.assignee).toBeNull();
    expect((await owner.agent.get('/api/conversations?assignee=none')).body.items).toHaveLength(1);
  });
});
