import request from 'supertest';
import type { Agent } from 'supertest';
import { InboundMailProjection } from '../src/contexts/inbound-mail/read-models/inbound-mail.projection';
import { EVENT_STORE, type EventStore, type RecordedEvent } from '../src/shared/event-store/event-store.port';
import { signUp, startTestApi, type TestApi } from './support/api-app';
import { eventually } from './support/eventually';
import { sendRaw, simpleMail } from './support/smtp-client';
import { exited, spawnTs } from './support/spawn-ts';
import { appendUnshowableMail } from './support/unshowable-mail';

const HEALTH_TOKEN = 'operators-only-0123456789abcdef';
let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({ INBOX_DOMAIN: 'inbox.test', HEALTH_TOKEN });
});
afterAll(() => api.close());
/** Stops the health poller of a test that failed before it did. */
let stopPolling = () => {};
afterEach(() => stopPolling());

let counter = 0;
async function accountWithAddress() {
  const owner = await signUp(api);
  counter += 1;
  const subdomain = `park${Date.now().toString(36)}${counter}`;
  const { body } = await owner.agent.post('/api/channels/email/forwarding-address').send({ username: 'support', subdomain });
  return { ...owner, address: body.address as string };
}

const subjects = async (agent: Agent) => ((await agent.get('/api/conversations')).body.items as Array<{ subject: string }>).map((item) => item.subject);
const health = (headers: Record<string, string> = {}) => request(api.app.getHttpServer()).get('/api/health').set(headers);

/** Runs the operator command against the test app's data directory, beside the running app. */
async function parkedCli(...args: string[]): Promise<{ code: number | null; output: string }> {
  const child = spawnTs('src/cli/parked.cli.ts', args, { DATA_DIR: api.config.dataDir, INBOX_DOMAIN: 'inbox.test', SMTP_PORT: '0' });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const { code } = await exited(child);
  return { code, output };
}

describe('one bad event holds up nothing else', () => {
  it('parks an event a projection cannot apply; later mail of every account shows, health says degraded, the failed-mail queue of its account lists it, and a retry applies it once fixed', async () => {
    const a = await accountWithAddress();
    const b = await accountWithAddress();
    const store = api.app.get<EventStore>(EVENT_STORE);

    // A real mail of account a, whose event is the model for the bad one.
    const first = await sendRaw(api.smtpPort, a.address, simpleMail({ to: a.address, subject: 'First of a' }));
    const firstId = /stored as (\S+)/.exec(first.response)?.[1] as string;
    await eventually(() => subjects(a.agent), (items) => items.includes('First of a'));

    // Polls health all along: it must answer fast, and never 503, while the bad event is tried and parked.
    const timings: Array<{ ms: number; status: number }> = [];
    let polling = true;
    stopPolling = () => (polling = false);
    const poller = (async () => {
      while (polling) {
        const started = performance.now();
        const answer = await health();
        timings.push({ ms: performance.now() - started, status: answer.status });
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    })();

    // Straight into the log, as no schema would let through: a size SQLite cannot bind.
    const badId = await appendUnshowableMail(store, a.accountId, firstId, 'Bad one of a');

    // Mail of another account, and of the same one, sent afterwards, shows.
    const forB = await sendRaw(api.smtpPort, b.address, simpleMail({ to: b.address, subject: 'After it, for b' }));
    expect(forB).toMatchObject({ code: 250 });
    expect(await sendRaw(api.smtpPort, a.address, simpleMail({ to: a.address, subject: 'After it, for a' }))).toMatchObject({ code: 250 });
    await eventually(() => subjects(b.agent), (items) => items.includes('After it, for b'));
    await eventually(() => subjects(a.agent), (items) => items.includes('After it, for a'));
    // Shown by the very projection that failed: it went on past the bad event.
    const forBId = /stored as (\S+)/.exec(forB.response)?.[1] as string;
    await eventually(async () => (await b.agent.get(`/api/messages/${forBId}/raw`)).status, (status) => status === 200, 'the later mail of b in the inbound-mail read model');

    const report = await eventually(
      async () => (await health()).body as { status: string; parked: Record<string, number>; subscriptions: Array<{ name: string; parked: number; state: string }> },
      (body) => body.status === 'degraded' && body.parked?.['inbound-mail'] === 1 && body.subscriptions.every((s) => s.state !== 'retrying'),
      'health to report the parked event',
      30_000,
    );
    expect(report.subscriptions.find((s) => s.name === 'inbound-mail')).toMatchObject({ parked: 1, lastError: null });
    polling = false;
    await poller;
    expect(timings.length).toBeGreaterThan(10);
    expect(timings.filter((t) => t.status !== 200)).toEqual([]);
    expect(Math.max(...timings.map((t) => t.ms))).toBeLessThan(500);

    // The affected account's admins see it as received but not shown, with the error and the raw message.
    const failed = (await a.agent.get('/api/failed-mail')).body.items as Array<Record<string, unknown>>;
    expect(failed).toEqual([
      expect.objectContaining({
        id: badId,
        status: 'not-shown',
        subject: 'Bad one of a',
        reason: expect.stringMatching(/parameter/i),
        size: 0,
        parked: [expect.objectContaining({ subscription: 'inbound-mail', eventType: 'InboundMailAccepted', attempts: 5 })],
      }),
    ]);
    const raw = await a.agent.get(`/api/failed-mail/${badId}/raw`);
    expect(raw.status).toBe(200);
    expect(raw.text ?? raw.body.toString()).toContain('Subject: First of a');
    // Nothing of it for anyone else.
    expect((await b.agent.get('/api/failed-mail')).body.items).toEqual([]);
    expect((await b.agent.get(`/api/failed-mail/${badId}/raw`)).status).toBe(404);
    expect((await b.agent.post(`/api/failed-mail/${badId}/reprocess`).send({})).status).toBe(404);

    // The operator command, beside the running app: it lists the record, and a retry that fails again says so.
    const listed = await parkedCli('list');
    expect(listed.code).toBe(0);
    expect(listed.output).toContain(`projection inbound-mail: InboundMailAccepted at`);
    expect(listed.output).toContain(`inboundmail-${badId}@0`);
    expect(listed.output).toContain(`account ${a.accountId}`);
    const id = Number(/#(\d+) projection inbound-mail/.exec(listed.output)?.[1]);
    const again = await parkedCli('retry', String(id));
    expect(again.code).toBe(1);
    expect(again.output).toMatch(new RegExp(`#${id} not applied: .*parameter`, 'i'));
    expect((await a.agent.get('/api/failed-mail')).body.items[0].parked[0]).toMatchObject({ id, attempts: 6 });

    // Fixed (as a new build, or an upcaster, would): reprocessing retries it through the same code path, and it shows.
    const projection = api.app.get(InboundMailProjection);
    const apply = projection.apply.bind(projection);
    projection.apply = (event: RecordedEvent, db) => {
      const d = event.data as { raw: { hash: string; size: unknown } };
      const size = typeof d.raw?.size === 'object' ? (d.raw.size as { bytes: number }).bytes : d.raw?.size;
      apply({ ...event, data: { ...d, raw: { ...d.raw, size } } }, db);
    };
    const reprocessed = await a.agent.post(`/api/failed-mail/${badId}/reprocess`).send({});
    expect(reprocessed.body).toEqual({ id: badId, status: 'accepted' });
    expect((await a.agent.get('/api/failed-mail')).body.items).toEqual([]);
    expect((await a.agent.get(`/api/messages/${badId}/raw`)).status).toBe(200);
    expect((await health()).body).toMatchObject({ status: 'ok', parked: {} });
  });

  it('gives anyone but an operator only the status', async () => {
    const local = await health();
    expect(local.status).toBe(200);
    expect(Object.keys(local.body)).toEqual(expect.arrayContaining(['status', 'eventStore', 'readModels', 'smtp', 'subscriptions', 'parked']));

    const proxies: Array<Record<string, string>> = [{ 'X-Forwarded-For': '203.0.113.7' }, { Forwarded: 'for=203.0.113.7' }, { 'X-Forwarded-For': '127.0.0.1' }];
    for (const proxied of proxies) {
      const answer = await health(proxied);
      expect(answer.status).toBe(200);
      expect(answer.body).toEqual({ status: local.body.status });
    }
    expect((await health({ 'X-Forwarded-For': '203.0.113.7', Authorization: 'Bearer not-the-token-0123456789abcdef' })).body).toEqual({ status: local.body.status });
    const withToken = await health({ 'X-Forwarded-For': '203.0.113.7', Authorization: `Bearer ${HEALTH_TOKEN}` });
    expect(withToken.body).toMatchObject({ status: local.body.status, eventStore: { up: true }, subscriptions: expect.any(Array) });
  });
});
