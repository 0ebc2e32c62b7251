import request from 'supertest';
import { signUp, startTestApi, type TestApi } from './support/api-app';
import { eventually } from './support/eventually';
import { listening } from './support/event-stream';
import { pollHealthFromThread, type HealthPolls } from './support/health-poller';
import { sendRaw, type SmtpAnswer } from './support/smtp-client';

// Mail whose parsing used to hold the process: a single 200 KB line of "On a a a …" took the reply
// parser 23 s, a megabyte of nested <div> the sanitizer 20 s. Each goes in over real SMTP while
// another client polls /api/health; health must stay quick, the answer be 250, and the mail show up
// shortened (with the marker) or in the failed-mail queue with the reason.

let counter = 0;
async function accountWithAddress(api: TestApi) {
  const owner = await signUp(api);
  counter += 1;
  const subdomain = `hm${Date.now().toString(36)}${counter}`;
  // The account's email channel is opened by a process manager, a moment after the account.
  const claimed = await eventually(
    () => owner.agent.post('/api/channels/email/forwarding-address').send({ username: 'support', subdomain }),
    (response) => response.status === 201,
    'the forwarding address to be claimed',
  );
  return { ...owner, address: claimed.body.address as string };
}

function mail(to: string, subject: string, contentType: string, body: string, extra: string[] = []): string {
  return [
    'From: Hostile Sender <hostile@example.com>',
    `To: ${to}`,
    `Subject: ${subject}`,
    `Message-ID: <${subject.replace(/\W+/g, '.')}.${Date.now()}@example.com>`,
    'MIME-Version: 1.0',
    ...extra,
    `Content-Type: ${contentType}`,
    '',
    body,
    '',
  ].join('\r\n');
}

interface ThreadMessage {
  text: string;
  html: string | null;
  truncated: { text?: boolean; html?: boolean } | null;
}

/** Sends `raw` over SMTP while health is polled, and goes on polling until `visible` resolves. */
async function sendWhilePolling<T>(api: TestApi, baseUrl: string, address: string, raw: string, visible: () => Promise<T>): Promise<{ answer: SmtpAnswer; polls: HealthPolls; seen: T }> {
  const poller = await pollHealthFromThread(baseUrl);
  try {
    const answer = await sendRaw(api.smtpPort, address, raw);
    const seen = answer.code === 250 ? await visible() : (undefined as T);
    return { answer, polls: await poller.stop(), seen };
  } catch (error) {
    await poller.stop();
    throw error;
  }
}

describe('hostile mail never holds the process', () => {
  let api: TestApi;
  let baseUrl: string;
  beforeAll(async () => {
    api = await startTestApi({ INBOX_DOMAIN: 'inbox.test' });
    baseUrl = await listening(api);
  });
  afterAll(() => api.close());

  async function firstMessage(agent: ReturnType<TestApi['agent']>, subject: string): Promise<ThreadMessage> {
    const conversations = await eventually(
      async () => (await agent.get('/api/conversations')).body.items as Array<{ id: string; subject: string }>,
      (items) => items.some((item) => item.subject === subject),
      `the conversation "${subject}" in the inbox`,
      30_000,
    );
    const { id } = conversations.find((item) => item.subject === subject) as { id: string };
    return ((await agent.get(`/api/conversations/${id}`)).body.messages as ThreadMessage[])[0];
  }

  it.each([
    ['200 KB', 100_000],
    ['1 MB', 500_000],
  ])('takes a %s single line of "On a a a …" with 250, health answering quickly, and shows it shortened', async (size, words) => {
    const { agent, address } = await accountWithAddress(api);
    const subject = `One long line of ${size}`;
    const raw = mail(address, subject, 'text/plain; charset=utf-8', `On ${'a '.repeat(words)}`);
    const { answer, polls, seen } = await sendWhilePolling(api, baseUrl, address, raw, () => firstMessage(agent, subject));
    expect(answer.code).toBe(250);
    expect(polls.failures).toEqual([]);
    expect(polls.slowestMs).toBeLessThan(1000);
    expect(seen.truncated).toEqual({ text: true });
    expect(seen.text).toHaveLength(100_000);
    expect(seen.text.startsWith('On a a a')).toBe(true);
    expect((await request(api.app.getHttpServer()).get('/api/health')).status).toBe(200);
  });

  it('takes a megabyte of nested <div> with 250, health answering quickly, and shows it cut to depth', async () => {
    const { agent, address } = await accountWithAddress(api);
    const subject = 'Nested divs';
    const raw = mail(address, subject, 'text/html; charset=utf-8', '<div>'.repeat(200_000));
    const { answer, polls, seen } = await sendWhilePolling(api, baseUrl, address, raw, () => firstMessage(agent, subject));
    expect(answer.code).toBe(250);
    expect(polls.failures).toEqual([]);
    expect(polls.slowestMs).toBeLessThan(1000);
    // Its text, made from the HTML, comes from the part within the bounds too.
    expect(seen.truncated).toEqual({ text: true, html: true });
    expect(seen.html).toBe(`${'<div>'.repeat(100)}${'</div>'.repeat(100)}`);
    expect((await request(api.app.getHttpServer()).get('/api/health')).status).toBe(200);
  });

  it('says nothing of shortening for an ordinary mail', async () => {
    const { agent, address } = await accountWithAddress(api);
    const raw = mail(address, 'Ordinary', 'text/plain; charset=utf-8', 'Where is my order?');
    expect((await sendRaw(api.smtpPort, address, raw)).code).toBe(250);
    expect((await firstMessage(agent, 'Ordinary')).truncated).toBeNull();
  });
});

describe('a mail whose parse outlives MAIL_PARSE_TIMEOUT_MS', () => {
  let api: TestApi;
  let baseUrl: string;
  beforeAll(async () => {
    api = await startTestApi({ INBOX_DOMAIN: 'inbox.test', MAIL_PARSE_TIMEOUT_MS: '1' });
    baseUrl = await listening(api);
  });
  afterAll(() => api.close());

  it('is answered 250 and waits in the failed-mail queue with the reason; reprocessing takes the same path', async () => {
    const { agent, address } = await accountWithAddress(api);
    const attachment = Buffer.alloc(3_000_000, 7).toString('base64').replace(/.{76}/g, '$&\r\n');
    const raw = mail(address, 'Slow to parse', 'multipart/mixed; boundary="b"', ['--b', 'Content-Type: text/plain', '', 'see attached', '--b', 'Content-Type: application/octet-stream', 'Content-Transfer-Encoding: base64', 'Content-Disposition: attachment; filename="big.bin"', '', attachment, '--b--'].join('\r\n'));
    const failedMail = () =>
      eventually(
        async () => (await agent.get('/api/failed-mail')).body.items as Array<{ id: string; reason: string; subject: string | null }>,
        (items) => items.length === 1,
        'the mail in the failed-mail queue',
      );
    const { answer, polls, seen } = await sendWhilePolling(api, baseUrl, address, raw, failedMail);
    expect(answer.code).toBe(250);
    expect(polls.failures).toEqual([]);
    expect(polls.slowestMs).toBeLessThan(1000);
    expect(seen[0].reason).toBe('could not be parsed: the mail parser took longer than 1 ms and was stopped');
    expect((await agent.get(`/api/failed-mail/${seen[0].id}/raw`)).text).toBe(raw);

    const reprocessed = await agent.post(`/api/failed-mail/${seen[0].id}/reprocess`);
    expect(reprocessed.body).toEqual({ id: seen[0].id, status: 'failed', reason: 'the mail parser took longer than 1 ms and was stopped' });
    expect((await request(api.app.getHttpServer()).get('/api/health')).status).toBe(200);
    expect((await agent.get('/api/conversations')).body.items).toEqual([]);
  });
});
