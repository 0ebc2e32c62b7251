import request from 'supertest';
import { BLOB_STORE, type BlobStore } from '../src/shared/blobs/blob-store';
import { EVENT_STORE } from '../src/shared/event-store/event-store.port';
import type { SqliteEventStore } from '../src/shared/event-store/sqlite.event-store';
import { eventually } from './support/eventually';
import { signUp, startTestApi, type TestApi } from './support/api-app';
import { sendRaw, simpleMail } from './support/smtp-client';

/**
 * A store runs out of space for real: SQLite's max_page_count makes SQLite itself refuse the write
 * with SQLITE_FULL, as it does on a full disk (the same code path; see the README for the tmpfs run).
 */
let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({ INBOX_DOMAIN: 'inbox.test' });
});
afterAll(() => api.close());

const server = () => api.app.getHttpServer();
const mailStore = () => api.app.get<BlobStore>(BLOB_STORE);
const eventLog = () => api.app.get<SqliteEventStore>(EVENT_STORE);

async function accountWithAddress() {
  const owner = await signUp(api);
  const subdomain = `full${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const { body } = await owner.agent.post('/api/channels/email/forwarding-address').send({ username: 'support', subdomain });
  return { ...owner, address: body.address as string };
}

type Agent = Awaited<ReturnType<typeof signUp>>['agent'];

async function inboxSubjects(agent: Agent, count: number): Promise<Array<{ id: string; subject: string }>> {
  return eventually(
    async () => (await agent.get('/api/conversations')).body.items as Array<{ id: string; subject: string }>,
    (items) => items.length === count,
    `${count} conversations in the inbox`,
  );
}

/** A message whose bytes need new pages of any store: 150 Cc addresses and 110 kB of text. */
function bulkyMail(to: string, subject: string): string {
  const cc = Array.from({ length: 150 }, (_, i) => `person${i}@customers.example`).join(', ');
  return simpleMail({ to, subject, headers: [`Cc: ${cc}`], body: `${'Where is my parcel? '.repeat(3)}\r\n`.repeat(1800) });
}

async function expectEarlierMailIntact(agent: Agent, conversationId: string, raw: string) {
  const { messages } = (await agent.get(`/api/conversations/${conversationId}`)).body as { messages: Array<{ id: string; subject: string }> };
  expect(messages[0].subject).toBe('Before the disk filled');
  const original = await agent.get(`/api/messages/${messages[0].id}/raw`);
  expect(original.status).toBe(200);
  expect(original.text).toBe(raw);
}

describe('a full disk loses nothing', () => {
  it('mail store full: SMTP 452 4.3.1, a relay’s POST 507, health says why; earlier mail intact; new mail accepted once there is room', async () => {
    const { agent, address } = await accountWithAddress();
    const before = simpleMail({ to: address, subject: 'Before the disk filled' });
    expect(await sendRaw(api.smtpPort, address, before)).toMatchObject({ ok: true, code: 250 });
    const [earlier] = await inboxSubjects(agent, 1);

    mailStore().capPages(mailStore().pageCount());
    const during = bulkyMail(address, 'While the disk was full');
    const refused = await sendRaw(api.smtpPort, address, during);
    expect(refused).toMatchObject({ ok: false, code: 452 });
    expect(refused.response).toMatch(/^452 4\.3\.1 Insufficient system storage/);

    const { token } = (await agent.get('/api/channels/email/inbound-token')).body as { token: string };
    const posted = await request(server())
      .post('/api/inbound/mime')
      .set('Authorization', `Bearer ${token}`)
      .set('Content-Type', 'message/rfc822')
      .send(during);
    expect(posted.status).toBe(507);
    expect(posted.body).toMatchObject({ statusCode: 507, error: 'Insufficient Storage', code: 'STORAGE.FULL' });
    expect(posted.body.message).toMatch(/out of storage space, so nothing was saved/);

    const health = await request(server()).get('/api/health');
    expect(health.status).toBe(503);
    expect(health.body.storage).toMatchObject({ up: false, error: expect.stringContaining('The mail store is out of space (database or disk is full)') });

    await expectEarlierMailIntact(agent, earlier.id, before);

    mailStore().capPages(null);
    expect(await sendRaw(api.smtpPort, address, during)).toMatchObject({ ok: true, code: 250 });
    const after = await inboxSubjects(agent, 2);
    expect(after.map((item) => item.subject).sort()).toEqual(['Before the disk filled', 'While the disk was full']);
    await expectEarlierMailIntact(agent, earlier.id, before);
    const healthy = await request(server()).get('/api/health');
    expect(healthy.status).toBe(200);
    expect(healthy.body.storage).toMatchObject({ up: true });
  });

  it('event log full: SMTP 452 4.3.1, a reply 507, health says why; earlier mail intact; both work again once there is room', async () => {
    const { agent, address } = await accountWithAddress();
    const before = simpleMail({ to: address, subject: 'Before the disk filled' });
    expect(await sendRaw(api.smtpPort, address, before)).toMatchObject({ ok: true, code: 250 });
    const [earlier] = await inboxSubjects(agent, 1);

    eventLog().capPages(eventLog().pageCount());
    const during = bulkyMail(address, 'While the log was full');
    const refused = await sendRaw(api.smtpPort, address, during);
    expect(refused).toMatchObject({ ok: false, code: 452 });
    expect(refused.response).toMatch(/^452 4\.3\.1 Insufficient system storage/);

    const reply = { text: 'We are on it. '.repeat(600) };
    const answered = await agent.post(`/api/conversations/${earlier.id}/replies`).send(reply);
    expect(answered.status).toBe(507);
    expect(answered.body).toMatchObject({ statusCode: 507, code: 'STORAGE.FULL', message: expect.stringMatching(/out of storage space, so nothing was saved/) });

    const health = await request(server()).get('/api/health');
    expect(health.status).toBe(503);
    expect(health.body.storage.error).toContain('The event log is out of space (database or disk is full)');

    await expectEarlierMailIntact(agent, earlier.id, before);

    eventLog().capPages(null);
    expect(await sendRaw(api.smtpPort, address, during)).toMatchObject({ ok: true, code: 250 });
    expect((await agent.post(`/api/conversations/${earlier.id}/replies`).send(reply)).status).toBe(202);
    const after = await inboxSubjects(agent, 2);
    expect(after.map((item) => item.subject).sort()).toEqual(['Before the disk filled', 'While the log was full']);
    await expectEarlierMailIntact(agent, earlier.id, before);
    expect((await request(server()).get('/api/health')).status).toBe(200);
  });
});
