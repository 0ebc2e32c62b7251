import request from 'supertest';
import { LiveStreams } from '../src/shared/live/live-streams';
import { PASSWORD, signUp, startTestApi, uniqueEmail, type TestApi } from './support/api-app';
import { CaptureRelay } from './support/capture-relay';
import { eventually } from './support/eventually';
import { listening, openEventStream, tryEventStream, type EventStreamReader } from './support/event-stream';

// Live streams (GET /api/stream, the chat visitor's stream) as strangers would abuse them and as
// sessions end: capped per chat token, user and address, fed by one reader of the log, closed with
// the session.

let api: TestApi;
let relay: CaptureRelay;
let baseUrl: string;
beforeAll(async () => {
  // A relay, so the test can read the code the app mails to an address a visitor leaves.
  relay = await CaptureRelay.start();
  api = await startTestApi({ INBOX_DOMAIN: 'inbox.test', OUTBOUND_SMTP_URL: relay.url });
  baseUrl = await listening(api);
});
afterAll(async () => {
  await api.close();
  await relay.close();
});

const changeOf = (event: { data: unknown }) => (event.data as { change?: string } | null)?.change;
const cookieOf = async (agent: ReturnType<TestApi['agent']>) => ((await agent.get('/api/me')).request as unknown as { cookies: string }).cookies;

let sessionCounter = 0;
async function accountWithChat() {
  const owner = await signUp(api);
  sessionCounter += 1;
  // An address, so that a reply to a visitor who left an email can go by email.
  await owner.agent.post('/api/channels/email/forwarding-address').send({ username: 'help', subdomain: `ls${Date.now().toString(36)}${sessionCounter}` });
  expect((await owner.agent.patch('/api/channels/chat').send({ enabled: true })).status).toBe(200);
  const ownerCookie = await cookieOf(owner.agent);
  /** A new visitor session; each from its own address, as the session rate limit counts per address. */
  const visitorSession = async () => {
    sessionCounter += 1;
    const session = await request(api.app.getHttpServer())
      .post(`/api/chat/${owner.accountId}/sessions`)
      .set('X-Forwarded-For', `192.0.2.${sessionCounter % 250}`);
    expect(session.status).toBe(201);
    const { sessionId, token, conversationId } = session.body as { sessionId: string; token: string; conversationId: string };
    return {
      sessionId,
      conversationId,
      streamUrl: `${baseUrl}/api/chat/${owner.accountId}/sessions/${sessionId}/stream?token=${encodeURIComponent(token)}`,
      say: (text: string, extra: Record<string, string> = {}) =>
        request(api.app.getHttpServer()).post(`/api/chat/${owner.accountId}/sessions/${sessionId}/messages`).set('Authorization', `Bearer ${token}`).send({ text, ...extra }),
      /** Proves the address the visitor left with the code mailed to it. */
      confirmEmail: async (email: string) => {
        const code = await relay.codeMailedTo(email);
        return request(api.app.getHttpServer())
          .post(`/api/chat/${owner.accountId}/sessions/${sessionId}/visitor/verification`)
          .set('Authorization', `Bearer ${token}`)
          .send({ code });
      },
    };
  };
  return { ...owner, ownerCookie, visitorSession };
}

/** The slowest answer of /api/health while `work` runs, polled by another client. */
async function slowestHealthDuring<T>(work: () => Promise<T>): Promise<{ result: T; slowestMs: number; polls: number }> {
  let running = true;
  let slowestMs = 0;
  let polls = 0;
  const poller = (async () => {
    while (running) {
      const started = Date.now();
      const health = await fetch(`${baseUrl}/api/health`);
      expect(health.status).toBe(200);
      slowestMs = Math.max(slowestMs, Date.now() - started);
      polls += 1;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  })();
  try {
    return { result: await work(), slowestMs, polls };
  } finally {
    running = false;
    await poller;
  }
}

/** Waits (within the usual bound) for the server to end the stream. */
async function endedByServer(stream: EventStreamReader): Promise<void> {
  let ended = false;
  void stream.ended.then(() => (ended = true));
  await eventually(async () => ended, Boolean, 'the server to end the stream');
}

async function closeAll(streams: EventStreamReader[]): Promise<void> {
  await Promise.all(streams.map((stream) => stream.close()));
}

describe('a chat visitor token', () => {
  it('opens three streams at once: of 2,000 attempts the rest are refused with 429, while health stays fast and chat lines reach the agent', async () => {
    const { ownerCookie, visitorSession } = await accountWithChat();
    const visitor = await visitorSession();
    const agentTab = await openEventStream(`${baseUrl}/api/stream`, { Cookie: ownerCookie });
    const admitted: EventStreamReader[] = [];
    try {
      const { result: refusals, slowestMs, polls } = await slowestHealthDuring(async () => {
        const refused: Array<{ status: number; refused: Record<string, unknown> }> = [];
        // 25 at a time: these clients share the test process's event loop with the server and the health poller.
        for (let i = 0; i < 2000; i += 25) {
          const batch = await Promise.all(Array.from({ length: 25 }, () => tryEventStream(visitor.streamUrl)));
          for (const attempt of batch) {
            if ('refused' in attempt) refused.push(attempt);
            else admitted.push(attempt);
          }
        }
        return refused;
      });
      expect(admitted).toHaveLength(3);
      expect(refusals).toHaveLength(1997);
      expect(new Set(refusals.map((refusal) => refusal.status))).toEqual(new Set([429]));
      expect(refusals[0].refused).toMatchObject({ code: 'STREAM.TOO_MANY', message: expect.stringMatching(/this chat session \(at most 3 at once\)/) });
      expect(polls).toBeGreaterThan(0);
      expect(slowestMs).toBeLessThan(1000);

      const said = Date.now();
      expect((await visitor.say('Is anyone there?')).status).toBe(201);
      await eventually(async () => agentTab.events.map(changeOf), (changes) => changes.includes('ChatMessageReceived'), "the visitor's line on the agent's stream");
      const latencyMs = Date.now() - said;
      process.stdout.write(`chat line to the agent's stream after 2,000 stream attempts: ${latencyMs} ms; slowest health ${slowestMs} ms\n`);
      await eventually(async () => admitted.map((stream) => stream.events.filter((event) => event.type === 'chat').length), (counts) => counts.every((n) => n === 1), 'the line on every visitor stream');

      // A closed stream frees its slot.
      expect('refused' in (await tryEventStream(visitor.streamUrl))).toBe(true);
      await (admitted.shift() as EventStreamReader).close();
      const again = await eventually(() => tryEventStream(visitor.streamUrl), (attempt) => !('refused' in attempt), 'a freed slot');
      admitted.push(again as EventStreamReader);
    } finally {
      await closeAll([agentTab, ...admitted]);
    }
  });

  it('is online while one of its streams is open, and its streams end when chat is switched off', async () => {
    const { agent, visitorSession } = await accountWithChat();
    const visitor = await visitorSession();
    // With an email address left, a reply goes by email once the visitor is offline: the composer shows which.
    const email = uniqueEmail('vic');
    expect((await visitor.say('Hello', { email })).status).toBe(201);
    expect((await visitor.confirmEmail(email)).status).toBe(200);
    const via = async () => (await agent.get(`/api/conversations/${visitor.conversationId}`)).body.composer?.via as string | undefined;
    await eventually(via, (value) => value !== undefined, 'the chat conversation');
    const first = await openEventStream(visitor.streamUrl);
    const second = await openEventStream(visitor.streamUrl);
    await eventually(via, (value) => value === 'chat', 'the visitor online');
    await first.close();
    expect(await via()).toBe('chat');

    expect((await agent.patch('/api/channels/chat').send({ enabled: false })).status).toBe(200);
    await endedByServer(second);
    await eventually(via, (value) => value === 'email', 'the visitor offline');
    const refused = await tryEventStream(visitor.streamUrl);
    expect(refused).toMatchObject({ status: 409, refused: { code: 'CHAT.DISABLED' } });
  });
});

describe('one reader of the log', () => {
  it('feeds every open stream: with the caps full on many tokens and users, the store is subscribed to once', async () => {
    const { agent, ownerCookie, visitorSession } = await accountWithChat();
    const streams: EventStreamReader[] = [];
    try {
      const visitors = await Promise.all(Array.from({ length: 10 }, () => visitorSession()));
      for (const [i, visitor] of visitors.entries()) {
        for (let n = 0; n < 3; n++) streams.push(await openEventStream(visitor.streamUrl, { 'X-Forwarded-For': `198.51.100.${i}` }));
      }
      const agentTabs: EventStreamReader[] = [];
      for (let n = 0; n < 10; n++) agentTabs.push(await openEventStream(`${baseUrl}/api/stream`, { Cookie: ownerCookie, 'X-Forwarded-For': '198.51.100.200' }));
      streams.push(...agentTabs);
      const colleagueEmail = uniqueEmail('agent');
      await agent.post('/api/users').send({ name: 'Alex', email: colleagueEmail, password: PASSWORD, role: 'agent' });
      const colleague = api.agent();
      await colleague.post('/api/auth/login').send({ email: colleagueEmail, password: PASSWORD });
      const colleagueCookie = await cookieOf(colleague);
      for (let n = 0; n < 10; n++) agentTabs.push(await openEventStream(`${baseUrl}/api/stream`, { Cookie: colleagueCookie, 'X-Forwarded-For': '198.51.100.201' }));
      streams.push(...agentTabs.slice(10));

      expect((await visitors[0].say('One line for fifty streams')).status).toBe(201);
      await eventually(async () => agentTabs.map((tab) => tab.events.map(changeOf).includes('ChatMessageReceived')), (seen) => seen.every(Boolean), 'the line on every agent tab');
      await eventually(async () => streams.slice(0, 3).map((stream) => stream.events.some((event) => event.type === 'chat')), (seen) => seen.every(Boolean), "the line on the visitor's streams");
      expect(streams.slice(3, 30).flatMap((stream) => stream.events.filter((event) => event.type === 'chat'))).toEqual([]);
      // Every stream this process has opened, in this and the earlier tests, is fed by one read of the log.
      expect(api.app.get(LiveStreams).log.readsOpened()).toBe(1);
    } finally {
      await closeAll(streams);
    }
  });
});

describe('caps', () => {
  it('answer 429 past ten streams of one user, and a closed stream frees its slot', async () => {
    const { ownerCookie } = await accountWithChat();
    const headers = { Cookie: ownerCookie, 'X-Forwarded-For': '203.0.113.10' };
    const tabs: EventStreamReader[] = [];
    try {
      for (let n = 0; n < 10; n++) tabs.push(await openEventStream(`${baseUrl}/api/stream`, headers));
      // Another address: the user's own cap refuses it.
      const refused = await tryEventStream(`${baseUrl}/api/stream`, { ...headers, 'X-Forwarded-For': '203.0.113.11' });
      expect(refused).toMatchObject({ status: 429, refused: { code: 'STREAM.TOO_MANY', message: expect.stringMatching(/your user \(at most 10 at once\)/) } });
      await (tabs.shift() as EventStreamReader).close();
      tabs.push(await eventually(() => tryEventStream(`${baseUrl}/api/stream`, headers), (attempt) => !('refused' in attempt), 'a freed slot') as EventStreamReader);
    } finally {
      await closeAll(tabs);
    }
  });

  it('answer 429 past fifty streams from one address, whatever tokens they carry', async () => {
    const { visitorSession } = await accountWithChat();
    const headers = { 'X-Forwarded-For': '203.0.113.50' };
    const streams: EventStreamReader[] = [];
    try {
      const visitors = await Promise.all(Array.from({ length: 17 }, () => visitorSession()));
      for (const visitor of visitors.slice(0, 16)) for (let n = 0; n < 3; n++) streams.push(await openEventStream(visitor.streamUrl, headers));
      streams.push(await openEventStream(visitors[16].streamUrl, headers), await openEventStream(visitors[16].streamUrl, headers));
      expect(streams).toHaveLength(50);
      const refused = await tryEventStream(visitors[16].streamUrl, headers);
      expect(refused).toMatchObject({ status: 429, refused: { code: 'STREAM.TOO_MANY', message: expect.stringMatching(/your address \(at most 50 at once\)/) } });
      // Refused streams took no slot: the visitor's own third one is admitted from elsewhere.
      streams.push(await openEventStream(visitors[16].streamUrl, { 'X-Forwarded-For': '203.0.113.51' }));
      await (streams.shift() as EventStreamReader).close();
      streams.push(await eventually(() => tryEventStream(visitors[0].streamUrl, headers), (attempt) => !('refused' in attempt), 'a freed slot') as EventStreamReader);
    } finally {
      await closeAll(streams);
    }
  });
});

describe('a signed-in stream', () => {
  it("ends when its session logs out and delivers nothing after, while the user's other session goes on", async () => {
    const { agent, email, visitorSession } = await accountWithChat();
    const otherDevice = api.agent();
    expect((await otherDevice.post('/api/auth/login').send({ email, password: PASSWORD })).status).toBe(200);
    const tab = await openEventStream(`${baseUrl}/api/stream`, { Cookie: await cookieOf(agent) });
    const otherTab = await openEventStream(`${baseUrl}/api/stream`, { Cookie: await cookieOf(otherDevice) });
    try {
      expect((await agent.post('/api/auth/logout')).status).toBe(204);
      await endedByServer(tab);
      const eventsAtLogout = tab.events.length;

      const visitor = await visitorSession();
      expect((await visitor.say('After the logout')).status).toBe(201);
      await eventually(async () => otherTab.events.map(changeOf), (changes) => changes.includes('ChatMessageReceived'), "the line on the other session's stream");
      expect(tab.events).toHaveLength(eventsAtLogout);
      expect(tab.events.map(changeOf)).not.toContain('ChatMessageReceived');
    } finally {
      await closeAll([tab, otherTab]);
    }
  });

  it('ends when its user is deactivated', async () => {
    const { agent: owner } = await accountWithChat();
    const colleagueEmail = uniqueEmail('agent');
    const created = await owner.post('/api/users').send({ name: 'Dee', email: colleagueEmail, password: PASSWORD, role: 'agent' });
    expect(created.status).toBe(201);
    const colleague = api.agent();
    expect((await colleague.post('/api/auth/login').send({ email: colleagueEmail, password: PASSWORD })).status).toBe(200);
    const colleagueTab = await openEventStream(`${baseUrl}/api/stream`, { Cookie: await cookieOf(colleague) });
    const ownerTab = await openEventStream(`${baseUrl}/api/stream`, { Cookie: await cookieOf(owner) });
    try {
      expect((await owner.patch(`/api/users/${created.body.userId}`).send({ active: false })).status).toBe(200);
      await endedByServer(colleagueTab);
      expect((await colleague.get('/api/me')).status).toBe(401);
      expect(await Promise.race([ownerTab.ended.then(() => 'ended'), new Promise((resolve) => setImmediate(() => resolve('open')))])).toBe('open');
    } finally {
      await closeAll([colleagueTab, ownerTab]);
    }
  });
});
