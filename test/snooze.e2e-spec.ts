import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { createApiApp } from '../src/app.factory';
import { InboundSmtpServer } from '../src/contexts/inbound-mail/smtp/inbound-smtp.server';
import { snoozePresetTime } from '../src/contexts/conversations/domain/snooze-presets';
import { loadConfig } from '../src/shared/config/app-config';
import { PASSWORD, signUp, startTestApi, type TestApi } from './support/api-app';
import { eventually } from './support/eventually';
import { sendRaw, simpleMail } from './support/smtp-client';
import { makeTempDir } from './support/temp-dir';

// Snooze through HTTP and SMTP, with the app's clock moved by the test: the clock reads an offset
// from the file INBOX_TEST_CLOCK_FILE names (honoured under NODE_ENV=test only), so "two hours
// later" takes no two hours and no sleep.

const clockDir = makeTempDir('inbox-clock-');
const clockFile = join(clockDir.path, 'offset');
let offsetMs = 0;
const setOffset = (ms: number) => {
  offsetMs = ms;
  writeFileSync(clockFile, String(ms));
};
/** What the app's clock says now. */
const appNow = () => new Date(Date.now() + offsetMs);
const HOUR = 3_600_000;

let api: TestApi;
beforeAll(async () => {
  setOffset(0);
  process.env.INBOX_TEST_CLOCK_FILE = clockFile;
  api = await startTestApi({ INBOX_DOMAIN: 'inbox.test' });
});
afterAll(async () => {
  await api.close();
  delete process.env.INBOX_TEST_CLOCK_FILE;
  clockDir.cleanup();
});

type Agent = ReturnType<TestApi['agent']>;
interface Item {
  id: string;
  subject: string;
  status: 'open' | 'closed';
  snoozedUntil: string | null;
}
interface Page {
  items: Item[];
  counts: { open: number; closed: number; snoozed: number };
}

let counter = 0;
async function account(smtpPort = api.smtpPort, target = api, overrides: Record<string, unknown> = {}) {
  const owner = await signUp(target, overrides);
  counter += 1;
  const { body } = await owner.agent.post('/api/channels/email/forwarding-address').send({ username: 'support', subdomain: `sz${Date.now().toString(36)}${counter}` });
  const address = body.address as string;
  const deliver = async (subject: string, headers: string[] = [], messageId?: string) => {
    // The address claim reaches the SMTP server's recipient lookup a moment after it is answered.
    const raw = simpleMail({ to: address, subject, headers, messageId });
    await eventually(() => sendRaw(smtpPort, address, raw), (answer) => answer.code === 250, `${address} to accept mail`);
  };
  return { ...owner, address, deliver };
}

async function list(agent: Agent, query = ''): Promise<Page> {
  const response = await agent.get(`/api/conversations${query}`);
  if (response.status !== 200) throw new Error(`${response.status} ${JSON.stringify(response.body)}`);
  return response.body as Page;
}

const subjects = (page: Page) => page.items.map((item) => item.subject);
const byId = async (agent: Agent, id: string) => (await agent.get(`/api/conversations/${id}`)).body as Item;

/** An account with conversations "Zipper" and "Invoice" (and its first mail's Message-ID for replies). */
async function withTwoConversations(overrides: Record<string, unknown> = {}) {
  const owner = await account(api.smtpPort, api, overrides);
  const zipperMessageId = `<zipper.${Date.now().toString(36)}.${counter}@example.com>`;
  await owner.deliver('Zipper', [], zipperMessageId);
  await owner.deliver('Invoice');
  const page = await eventually(() => list(owner.agent), (p) => p.items.length === 2, 'both conversations');
  const id = (subject: string) => (page.items.find((item) => item.subject === subject) as Item).id;
  return { ...owner, zipper: id('Zipper'), invoice: id('Invoice'), zipperMessageId };
}

describe('snoozing', () => {
  it('moves a conversation from Open to Snoozed and back, with the tab counts', async () => {
    const { agent, zipper } = await withTwoConversations();
    expect((await list(agent)).counts).toEqual({ open: 2, closed: 0, snoozed: 0 });
    const until = new Date(appNow().getTime() + HOUR).toISOString();

    const snoozed = await agent.post(`/api/conversations/${zipper}/snooze`).send({ until });
    expect(snoozed.status).toBe(200);
    expect(snoozed.body).toMatchObject({ id: zipper, status: 'open', snoozedUntil: until });

    const open = await list(agent, '?status=open');
    expect(subjects(open)).toEqual(['Invoice']);
    expect(open.counts).toEqual({ open: 1, closed: 0, snoozed: 1 });
    expect(subjects(await list(agent, '?status=snoozed'))).toEqual(['Zipper']);
    expect((await list(agent)).items.map((item) => [item.subject, item.snoozedUntil])).toEqual(
      expect.arrayContaining([
        ['Zipper', until],
        ['Invoice', null],
      ]),
    );
    expect((await byId(agent, zipper)).snoozedUntil).toBe(until);

    const unsnoozed = await agent.post(`/api/conversations/${zipper}/snooze`).send({ until: null });
    expect(unsnoozed.status).toBe(200);
    expect(unsnoozed.body).toMatchObject({ status: 'open', snoozedUntil: null });
    expect(subjects(await list(agent, '?status=open')).sort()).toEqual(['Invoice', 'Zipper']);
    expect((await list(agent)).counts).toEqual({ open: 2, closed: 0, snoozed: 0 });
  });

  it("snoozes to a preset in the account's time zone", async () => {
    const { agent, zipper } = await withTwoConversations({ timeZone: 'America/New_York' });
    const before = appNow();
    const snoozed = await agent.post(`/api/conversations/${zipper}/snooze`).send({ preset: 'tomorrow-morning' });
    expect(snoozed.status).toBe(200);
    expect(snoozed.body.snoozedUntil).toBe(snoozePresetTime('tomorrow-morning', before, 'America/New_York').toISOString());
  });

  it('refuses a bad time with 422 naming until, and a closed conversation with 409', async () => {
    const { agent, zipper, invoice } = await withTwoConversations();
    const refusal = async (body: object) => {
      const response = await agent.post(`/api/conversations/${zipper}/snooze`).send(body);
      return { status: response.status, message: response.body.message as string };
    };
    expect(await refusal({ until: new Date(appNow().getTime() - 60_000).toISOString() })).toEqual({ status: 422, message: 'until must be a time in the future' });
    expect(await refusal({ until: new Date(appNow().getTime() + 400 * 24 * HOUR).toISOString() })).toEqual({ status: 422, message: 'until must be at most a year from now' });
    expect(await refusal({ until: 'tomorrow' })).toEqual({ status: 422, message: expect.stringContaining('until must be an ISO 8601 time') });
    expect(await refusal({})).toEqual({ status: 422, message: expect.stringContaining('until') });
    expect(await refusal({ preset: 'someday' })).toEqual({ status: 422, message: expect.stringContaining('preset must be one of') });
    expect(await refusal({ preset: 'next-week', until: null })).toEqual({ status: 422, message: 'give until or preset, not both' });

    expect((await agent.post(`/api/conversations/${invoice}/close`)).status).toBe(200);
    const closed = await agent.post(`/api/conversations/${invoice}/snooze`).send({ until: new Date(appNow().getTime() + HOUR).toISOString() });
    expect(closed.status).toBe(409);
    expect(closed.body.message).toBe('A closed conversation cannot be snoozed; reopen it first');
    expect((await list(agent)).counts).toEqual({ open: 1, closed: 1, snoozed: 0 });
  });

  it('ends the snooze when the conversation is closed', async () => {
    const { agent, zipper } = await withTwoConversations();
    await agent.post(`/api/conversations/${zipper}/snooze`).send({ until: new Date(appNow().getTime() + HOUR).toISOString() });
    expect((await agent.post(`/api/conversations/${zipper}/close`)).body).toMatchObject({ status: 'closed', snoozedUntil: null });
    expect((await list(agent)).counts).toEqual({ open: 1, closed: 1, snoozed: 0 });
  });
});

describe('waking up', () => {
  it('wakes when the contact writes, over SMTP', async () => {
    const { agent, zipper, zipperMessageId, deliver } = await withTwoConversations();
    await agent.post(`/api/conversations/${zipper}/snooze`).send({ until: new Date(appNow().getTime() + 24 * HOUR).toISOString() });
    expect(subjects(await list(agent, '?status=snoozed'))).toEqual(['Zipper']);

    await deliver('Re: Zipper', [`In-Reply-To: ${zipperMessageId}`, `References: ${zipperMessageId}`]);
    const open = await eventually(() => list(agent, '?status=open'), (page) => page.items.length === 2, 'the reply to wake the conversation');
    expect(open.counts).toEqual({ open: 2, closed: 0, snoozed: 0 });
    expect((await byId(agent, zipper)).snoozedUntil).toBeNull();
    expect((await api.http.get('/api/health')).status).toBe(200);
  });

  it('wakes when its time comes on the clock', async () => {
    const { agent, zipper } = await withTwoConversations();
    const until = new Date(appNow().getTime() + 2 * HOUR).toISOString();
    await agent.post(`/api/conversations/${zipper}/snooze`).send({ until });
    expect(subjects(await list(agent, '?status=snoozed'))).toEqual(['Zipper']);

    setOffset(offsetMs + 2 * HOUR + 60_000);
    const open = await eventually(() => list(agent, '?status=open'), (page) => page.items.length === 2, 'the snooze to run out');
    expect(open.counts).toEqual({ open: 2, closed: 0, snoozed: 0 });
    expect((await byId(agent, zipper)).snoozedUntil).toBeNull();
  });
});

describe('a restart', () => {
  it('wakes a conversation whose time passed while the app was down', async () => {
    const dataDir = makeTempDir('inbox-snooze-restart-');
    const start = async () => {
      const config = loadConfig({ DATA_DIR: dataDir.path, SMTP_PORT: '0', INBOX_DOMAIN: 'inbox.test', SIGNUPS_PER_IP_PER_HOUR: '100000' });
      const app = await createApiApp(config, { logger: false });
      await app.init();
      return { app, config, smtpPort: app.get(InboundSmtpServer).port as number, http: request.agent(app.getHttpServer()), agent: () => request.agent(app.getHttpServer()), close: () => app.close() };
    };
    try {
      let running = await start();
      const owner = await account(running.smtpPort, running as unknown as TestApi);
      await owner.deliver('Zipper');
      const [conversation] = (await eventually(() => list(owner.agent), (p) => p.items.length === 1, 'the conversation')).items;
      await owner.agent.post(`/api/conversations/${conversation.id}/snooze`).send({ until: new Date(appNow().getTime() + 3 * HOUR).toISOString() });
      expect(subjects(await list(owner.agent, '?status=snoozed'))).toEqual(['Zipper']);
      await running.close();

      setOffset(offsetMs + 3 * HOUR + 60_000);
      running = await start();
      const agent = running.agent();
      expect((await agent.post('/api/auth/login').send({ email: owner.email, password: PASSWORD })).status).toBeLessThan(300);
      const open = await eventually(() => list(agent, '?status=open'), (page) => page.items.length === 1, 'the overdue snooze to wake after the restart');
      expect(open.counts).toEqual({ open: 1, closed: 0, snoozed: 0 });
      await running.close();
    } finally {
      dataDir.cleanup();
    }
    // Two starts of the whole app: slow on a loaded machine.
  }, 180_000);
});
