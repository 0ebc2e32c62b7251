import { join } from 'node:path';
import { openSqlite } from '../src/shared/sqlite/open-sqlite';
import { EVENT_STORE, type EventStore } from '../src/shared/event-store/event-store.port';
import { exited, onLines, spawnTs } from './support/spawn-ts';
import { PASSWORD, signUp, startTestApi, uniqueEmail, type TestApi } from './support/api-app';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({ INBOX_DOMAIN: 'inbox.test' });
});
afterAll(() => api.close());

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
let subdomainCounter = 0;
const freshSubdomain = () => `acme${Date.now().toString(36)}${(subdomainCounter += 1)}`;

async function userWithRole(owner: Awaited<ReturnType<typeof signUp>>, role: 'admin' | 'agent' | 'auditor') {
  const email = uniqueEmail(role);
  await owner.agent.post('/api/users').send({ name: `${role} person`, email, password: PASSWORD, role });
  const agent = api.agent();
  await agent.post('/api/auth/login').send({ email, password: PASSWORD });
  return agent;
}

describe('the email channel is on by default', () => {
  it('is enabled by the account opening, with default subject and from name', async () => {
    const owner = await signUp(api, { accountName: 'Acme' });
    const channels = await owner.agent.get('/api/channels');
    expect(channels.status).toBe(200);
    expect(channels.body).toEqual({
      email: {
        enabled: true,
        defaultSubject: 'Follow-up from our conversation',
        fromName: '{{agent_name}} from Acme',
        plainTextOnly: false,
        signature: '',
        forwardingAddress: null,
        replySubject: 'thread',
        quoteHistory: true,
        outbound: 'file',
        inboxDomain: 'inbox.test',
        providerConfirmations: [],
      },
      chat: { enabled: false },
    });
  });

  it('records why: the enabling event was caused by AccountOpened, for trial and seats alike', async () => {
    const store = api.app.get<EventStore>(EVENT_STORE);
    for (const plan of ['trial', 'seats']) {
      const owner = await signUp(api, { plan });
      const [opened] = await store.readStream(`account-${owner.accountId}`);
      const channel = await store.readStream(`emailchannel-${owner.accountId}`);
      expect(channel.map((e) => e.type)).toEqual(['EmailChannelCreated', 'EmailChannelEnabled']);
      expect(channel[1].data).toMatchObject({ because: 'account_opened' });
      expect(channel[1].metadata).toMatchObject({ causationId: opened.metadata.eventId, actor: { system: 'open-email-channel' } });
    }
  });
});

describe('PATCH /api/channels/email', () => {
  it('lets the primary admin switch email off and on, and change the templates', async () => {
    const owner = await signUp(api);
    const off = await owner.agent.patch('/api/channels/email').send({ enabled: false });
    expect(off.status).toBe(200);
    expect(off.body.email.enabled).toBe(false);
    const changed = await owner.agent.patch('/api/channels/email').send({
      enabled: true,
      defaultSubject: 'Your request from {{conversation_started_at}}',
      fromName: '{{agent_name}} at Acme Support',
    });
    expect(changed.body.email).toMatchObject({
      enabled: true,
      defaultSubject: 'Your request from {{conversation_started_at}}',
      fromName: '{{agent_name}} at Acme Support',
    });
  });

  it.each([
    [{ defaultSubject: 'Hello\r\nBcc: victim@example.com' }, 'defaultSubject', 'no line breaks or control characters'],
    [{ defaultSubject: 'Tab\there' }, 'defaultSubject', 'no line breaks or control characters'],
    [{ fromName: 'Anna\nX-Evil: 1' }, 'fromName', 'no line breaks or control characters'],
    [{ defaultSubject: '   ' }, 'defaultSubject', 'defaultSubject must not be empty'],
    [{ defaultSubject: 'Hi {{agent_name}}' }, 'defaultSubject', 'may only contain the {{conversation_started_at}} token'],
    [{ defaultSubject: '{{conversation_started_at}} and {{conversation_started_at}}' }, 'defaultSubject', 'only once'],
    [{ fromName: '{{agent_name}} {{agent_name}}' }, 'fromName', 'only once'],
    [{ fromName: 'x'.repeat(101) }, 'fromName', 'at most 100 characters'],
    [{ enabled: 'yes' }, 'enabled', 'enabled must be a boolean value'],
  ])('refuses %j with 422 naming the field', async (body, field, message) => {
    const owner = await signUp(api);
    const response = await owner.agent.patch('/api/channels/email').send(body);
    expect(response.status).toBe(422);
    expect(response.body.field).toBe(field);
    expect(response.body.message).toContain(message);
    const after = await owner.agent.get('/api/channels');
    expect(after.body.email.defaultSubject).toBe('Follow-up from our conversation');
  });

  it('is refused to admins, agents and auditors', async () => {
    const owner = await signUp(api);
    for (const role of ['admin', 'agent', 'auditor'] as const) {
      const other = await userWithRole(owner, role);
      expect((await other.patch('/api/channels/email').send({ enabled: false })).status).toBe(403);
      expect((await other.get('/api/channels')).status).toBe(200);
    }
  });
});

describe('POST /api/channels/email/preview', () => {
  it('renders from line, subject (in the account time zone and locale) and body with the real renderer', async () => {
    const owner = await signUp(api, { ownerName: 'Anna Smith', timeZone: 'Asia/Tokyo', locale: 'de-DE' });
    const response = await owner.agent
      .post('/api/channels/email/preview')
      .send({ defaultSubject: 'Follow-up from {{conversation_started_at}}', fromName: '{{agent_name}} from Acme' });
    expect(response.status).toBe(200);
    expect(response.body.from).toBe('"Anna Smith from Acme"');
    const expectedDate = new Intl.DateTimeFormat('de-DE', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Tokyo' }).format(new Date());
    expect(response.body.subject).toBe(`Follow-up from ${expectedDate}`);
    expect(response.body.html).toContain('Thanks for getting in touch');
    expect(response.body.text).toContain('Thanks for getting in touch');
  });

  it('applies the template rules to the preview too', async () => {
    const owner = await signUp(api);
    const response = await owner.agent.post('/api/channels/email/preview').send({ defaultSubject: 'a\nb', fromName: 'x' });
    expect(response.status).toBe(422);
    expect(response.body.field).toBe('defaultSubject');
  });
});

describe('POST /api/channels/email/forwarding-address', () => {
  it('claims username@subdomain.<INBOX_DOMAIN> in lowercase, once and for ever', async () => {
    const owner = await signUp(api);
    const subdomain = freshSubdomain();
    const claimed = await owner.agent.post('/api/channels/email/forwarding-address').send({ username: 'Support', subdomain: subdomain.toUpperCase() });
    expect(claimed.status).toBe(201);
    expect(claimed.body).toEqual({ address: `support@${subdomain}.inbox.test` });
    expect((await owner.agent.get('/api/channels')).body.email.forwardingAddress).toBe(`support@${subdomain}.inbox.test`);

    const again = await owner.agent.post('/api/channels/email/forwarding-address').send({ username: 'help', subdomain });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('CHANNEL.ADDRESS_ALREADY_SET');
    const same = await owner.agent.post('/api/channels/email/forwarding-address').send({ username: 'support', subdomain });
    expect(same.status).toBe(409);
  });

  it.each([
    [{ username: 'postmaster' }, 'username', 'reserved'],
    [{ username: 'abuse' }, 'username', 'reserved'],
    [{ username: 'mailer-daemon' }, 'username', 'reserved'],
    [{ username: 'noreply' }, 'username', 'reserved'],
    [{ username: '.support' }, 'username', 'must not start or end with a dot'],
    [{ username: 'sup..port' }, 'username', 'two dots in a row'],
    [{ username: 'sup port' }, 'username', 'may contain only lowercase letters'],
    [{ username: 'help+me' }, 'username', 'must not contain "+"'],
    [{ username: 'a'.repeat(65) }, 'username', 'at most 64 characters'],
    [{ username: '' }, 'username', 'must not be empty'],
    [{ subdomain: '-acme' }, 'subdomain', 'must not start or end with a hyphen'],
    [{ subdomain: 'ac_me' }, 'subdomain', 'only lowercase letters, digits and hyphens'],
    [{ subdomain: 'a.b' }, 'subdomain', 'single DNS label'],
    [{ subdomain: 'x'.repeat(64) }, 'subdomain', 'at most 63 characters'],
    [{ subdomain: 'postmaster' }, 'subdomain', 'reserved'],
    [{ subdomain: 'xn--80ak6aa92e' }, 'subdomain', 'kept for IDNs'],
  ])('refuses %j with a message for the rule', async (overrides, field, message) => {
    const owner = await signUp(api);
    const response = await owner.agent
      .post('/api/channels/email/forwarding-address')
      .send({ username: 'support', subdomain: freshSubdomain(), ...overrides });
    expect(response.status).toBe(422);
    expect(response.body.field).toBe(field);
    expect(response.body.message).toContain(message);
    expect((await owner.agent.get('/api/channels')).body.email.forwardingAddress).toBeNull();
  });

  it('gives a subdomain to the first account only', async () => {
    const first = await signUp(api);
    const second = await signUp(api);
    const subdomain = freshSubdomain();
    expect((await first.agent.post('/api/channels/email/forwarding-address').send({ username: 'support', subdomain })).status).toBe(201);
    const taken = await second.agent.post('/api/channels/email/forwarding-address').send({ username: 'sales', subdomain });
    expect(taken.status).toBe(409);
    expect(taken.body).toMatchObject({ code: 'CHANNEL.SUBDOMAIN_TAKEN', field: 'subdomain' });
    expect((await second.agent.get('/api/channels')).body.email.forwardingAddress).toBeNull();
  });

  it('lets exactly one of 20 accounts racing for one subdomain win', async () => {
    const owners = await Promise.all(Array.from({ length: 20 }, () => signUp(api)));
    const subdomain = freshSubdomain();
    const answers = await Promise.all(
      owners.map((owner, i) => owner.agent.post('/api/channels/email/forwarding-address').send({ username: `team${i}`, subdomain })),
    );
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(19);
  });

  it('is refused to everyone but the primary admin', async () => {
    const owner = await signUp(api);
    const admin = await userWithRole(owner, 'admin');
    const response = await admin.post('/api/channels/email/forwarding-address').send({ username: 'support', subdomain: freshSubdomain() });
    expect(response.status).toBe(403);
  });
});

describe('PATCH /api/channels/chat', () => {
  it('lets admins switch chat, not agents', async () => {
    const owner = await signUp(api);
    const admin = await userWithRole(owner, 'admin');
    const agent = await userWithRole(owner, 'agent');
    expect((await admin.patch('/api/channels/chat').send({ enabled: true })).body.chat).toEqual({ enabled: true });
    expect((await agent.patch('/api/channels/chat').send({ enabled: false })).status).toBe(403);
    expect((await owner.agent.patch('/api/channels/chat').send({ enabled: false })).body.chat).toEqual({ enabled: false });
  });
});

describe('GET /api/audit/channel-configuration', () => {
  async function accountWithHistory() {
    const owner = await signUp(api, { ownerName: 'Anna Owner' });
    const subdomain = freshSubdomain();
    await pause(5);
    await owner.agent.patch('/api/channels/email').send({ defaultSubject: 'About {{conversation_started_at}}' });
    await pause(5);
    await owner.agent.patch('/api/channels/email').send({ enabled: false });
    await pause(5);
    await owner.agent.post('/api/channels/email/forwarding-address').send({ username: 'support', subdomain });
    await pause(5);
    await owner.agent.patch('/api/channels/chat').send({ enabled: true });
    return { owner, subdomain, auditor: await userWithRole(owner, 'auditor') };
  }

  it('lists every configuration event with type, time, actor and request id', async () => {
    const { owner, auditor, subdomain } = await accountWithHistory();
    const response = await auditor.get('/api/audit/channel-configuration');
    expect(response.status).toBe(200);
    expect(response.body.events.map((e: { type: string }) => e.type)).toEqual([
      'EmailChannelCreated',
      'EmailChannelEnabled',
      'DefaultSubjectChanged',
      'EmailChannelDisabled',
      'ForwardingAddressClaimed',
      'ChatChannelEnabled',
    ]);
    const claim = response.body.events[4];
    expect(claim).toMatchObject({
      stream: 'email',
      actor: { userId: owner.userId, role: 'primary_admin', name: 'Anna Owner' },
      requestId: expect.any(String),
      data: { address: `support@${subdomain}.inbox.test`, username: 'support', subdomain },
    });
    expect(claim.data.previousHash).toBeUndefined();
    expect(response.body.events[0].actor).toEqual({ system: 'open-email-channel' });
    expect(response.body.state).toEqual({
      email: { enabled: false, defaultSubject: 'About {{conversation_started_at}}', fromName: '{{agent_name}} from Acme', plainTextOnly: false, signature: '', forwardingAddress: `support@${subdomain}.inbox.test`, replySubject: 'thread', quoteHistory: true },
      chat: { enabled: true },
    });
    expect(response.body.chain).toMatchObject({ intact: true });
  });

  it('replays the state as of a moment just before and at each change', async () => {
    const { owner } = await accountWithHistory();
    const { events } = (await owner.agent.get('/api/audit/channel-configuration')).body as { events: Array<{ at: string; type: string }> };
    const asOf = async (at: Date) => (await owner.agent.get('/api/audit/channel-configuration').query({ at: at.toISOString() })).body;

    const beforeAll = await asOf(new Date(new Date(events[0].at).getTime() - 1));
    expect(beforeAll.state.email).toEqual({ enabled: false, defaultSubject: null, fromName: null, plainTextOnly: false, forwardingAddress: null, replySubject: null, quoteHistory: null });
    expect(beforeAll.events).toEqual([]);

    const subjectAt = new Date(events[2].at);
    expect((await asOf(new Date(subjectAt.getTime() - 1))).state.email.defaultSubject).toBe('Follow-up from our conversation');
    expect((await asOf(subjectAt)).state.email.defaultSubject).toBe('About {{conversation_started_at}}');

    const disabledAt = new Date(events[3].at);
    expect((await asOf(new Date(disabledAt.getTime() - 1))).state.email.enabled).toBe(true);
    expect((await asOf(disabledAt)).state.email.enabled).toBe(false);

    const claimedAt = new Date(events[4].at);
    expect((await asOf(new Date(claimedAt.getTime() - 1))).state.email.forwardingAddress).toBeNull();
    expect((await asOf(claimedAt)).state.email.forwardingAddress).toContain('support@');
    expect((await asOf(claimedAt)).events).toHaveLength(5);

    const chatAt = new Date(events[5].at);
    expect((await asOf(new Date(chatAt.getTime() - 1))).state.chat.enabled).toBe(false);
    expect((await asOf(chatAt)).state.chat.enabled).toBe(true);
  });

  it('detects a stored event changed afterwards: the hash chain breaks at the next event', async () => {
    const { owner, auditor } = await accountWithHistory();
    const db = openSqlite(join(api.config.dataDir, 'inbox.db'), { synchronous: 'NORMAL' });
    try {
      const tampered = db
        .prepare(
          `UPDATE events SET data = json_set(data, '$.defaultSubject', 'Tampered') WHERE stream_id = ? AND type = 'DefaultSubjectChanged'`,
        )
        .run(`emailchannel-${owner.accountId}`);
      expect(tampered.changes).toBe(1);
    } finally {
      db.close();
    }
    const audit = (await auditor.get('/api/audit/channel-configuration')).body;
    expect(audit.chain.intact).toBe(false);
    expect(audit.chain.email).toMatchObject({ intact: false, brokenAt: { revision: 3, type: 'EmailChannelDisabled' } });
    expect(audit.chain.chat.intact).toBe(true);
  });

  it('answers 422 naming at for a time that is not ISO 8601', async () => {
    const owner = await signUp(api);
    const response = await owner.agent.get('/api/audit/channel-configuration').query({ at: 'yesterday' });
    expect(response.status).toBe(422);
    expect(response.body.field).toBe('at');
  });

  it('is open to auditors and the primary admin only', async () => {
    const owner = await signUp(api);
    expect((await owner.agent.get('/api/audit/channel-configuration')).status).toBe(200);
    expect((await (await userWithRole(owner, 'admin')).get('/api/audit/channel-configuration')).status).toBe(403);
    expect((await (await userWithRole(owner, 'agent')).get('/api/audit/channel-configuration')).status).toBe(403);
  });

  it('prints the same history and state from the command line', async () => {
    const { owner, subdomain } = await accountWithHistory();
    const child = spawnTs('src/cli/audit.cli.ts', ['--account', owner.accountId], { DATA_DIR: api.config.dataDir, INBOX_DOMAIN: 'inbox.test' });
    const lines: string[] = [];
    onLines(child, (line) => lines.push(line));
    const { code } = await exited(child);
    const output = lines.join('\n');
    expect(code).toBe(0);
    expect(output).toContain('ForwardingAddressClaimed');
    expect(output).toContain('by Anna Owner (primary_admin)');
    expect(output).toContain(`"forwardingAddress": "support@${subdomain}.inbox.test"`);
    expect(output).toContain('Hash chain: intact');
  });
});

describe('attribution after deactivation', () => {
  it('keeps what a deactivated user did attributed to them in the history', async () => {
    const owner = await signUp(api);
    const email = uniqueEmail('leaver');
    const { body: admin } = await owner.agent.post('/api/users').send({ name: 'Lee Leaver', email, password: PASSWORD, role: 'admin' });
    const leaver = api.agent();
    await leaver.post('/api/auth/login').send({ email, password: PASSWORD });
    await leaver.patch('/api/channels/chat').send({ enabled: true });
    await owner.agent.patch(`/api/users/${admin.userId}`).send({ active: false });

    const { events } = (await owner.agent.get('/api/audit/channel-configuration')).body as { events: Array<{ type: string; actor: unknown }> };
    expect(events.find((e) => e.type === 'ChatChannelEnabled')?.actor).toEqual({ userId: admin.userId, role: 'admin', name: 'Lee Leaver' });
  });
});
