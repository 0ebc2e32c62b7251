import { Logger } from '@nestjs/common';
import { PASSWORD, signUp, startTestApi, type TestApi } from './support/api-app';
import { eventually } from './support/eventually';
import { sendRaw } from './support/smtp-client';
import { whilePollingHealth } from './support/health-poller';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({ INBOX_DOMAIN: 'inbox.test' });
  // Warm: the first answers of a fresh process are slow for reasons of their own.
  for (let i = 0; i < 3; i++) expect((await api.agent().get('/api/health')).status).toBe(200);
});
afterAll(() => api.close());
afterEach(() => jest.restoreAllMocks());

describe('request bodies', () => {
  it('answers a 2 MB JSON body with 413 in the standard error shape, logs no stack, and health stays fast', async () => {
    const logged = jest.spyOn(Logger.prototype, 'error');
    const body = JSON.stringify({ email: 'a'.repeat(2_000_000), password: 'x' });
    const { result: answer, slowestMs, statuses } = await whilePollingHealth(api.app.getHttpServer(), () =>
      api.agent().post('/api/auth/login').set('Content-Type', 'application/json').send(body),
    );
    expect(answer.status).toBe(413);
    expect(answer.body).toEqual({ statusCode: 413, error: 'Payload Too Large', message: 'The request body is larger than the limit of 1048576 bytes' });
    expect(logged).not.toHaveBeenCalled();
    expect([...statuses]).toEqual([200]);
    expect(slowestMs).toBeLessThan(500);
  });

  it('answers 45,000 nested brackets with 400, not a stack overflow', async () => {
    const logged = jest.spyOn(Logger.prototype, 'error');
    const body = '['.repeat(45_000) + ']'.repeat(45_000);
    const { result: answer, slowestMs, statuses } = await whilePollingHealth(api.app.getHttpServer(), () =>
      api.agent().post('/api/auth/login').set('Content-Type', 'application/json').send(body),
    );
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({ statusCode: 400, error: 'Bad Request', message: 'The request body nests deeper than 64 levels' });
    expect(logged).not.toHaveBeenCalled();
    expect([...statuses]).toEqual([200]);
    expect(slowestMs).toBeLessThan(500);
  });

  it('still takes ordinary JSON, and broken JSON stays a 400', async () => {
    const login = await api.agent().post('/api/auth/login').send({ email: 'nobody@example.com', password: 'wrong password here' });
    expect(login.status).toBe(401);
    const broken = await api.agent().post('/api/auth/login').set('Content-Type', 'application/json').send('{"email":');
    expect(broken.body).toEqual({ statusCode: 400, error: 'Bad Request', message: 'Unexpected end of JSON input' });
  });

  it('keeps MAX_MESSAGE_BYTES, not the JSON limit, for raw MIME posted by a relay', async () => {
    const mime = `Subject: big\r\n\r\n${'x'.repeat(1_500_000)}\r\n`;
    const answer = await api.agent().post('/api/inbound/mime').set('Content-Type', 'message/rfc822').set('Authorization', 'Bearer not-a-token').send(mime);
    // Past the body parser (a 413 would come first): the token is what is refused.
    expect(answer.status).toBe(401);
  });
});

let counter = 0;
async function accountWithAddress() {
  const owner = await signUp(api);
  counter += 1;
  const { body } = await owner.agent.post('/api/channels/email/forwarding-address').send({ username: 'support', subdomain: `hard${Date.now().toString(36)}${counter}` });
  return { ...owner, address: body.address as string };
}

describe('downloads', () => {
  const name = 'отчёт 文件 📎.pdf';
  const encodedName = encodeURIComponent(name);

  it('serves an attachment with any file name, as RFC 6266 filename* with an ASCII stand-in', async () => {
    const { agent, address } = await accountWithAddress();
    const raw = [
      'From: Carla <carla@example.com>',
      `To: ${address}`,
      'Subject: Report',
      `Message-ID: <report.${Date.now()}@example.com>`,
      'MIME-Version: 1.0',
      'Content-Type: multipart/mixed; boundary="b"',
      '',
      '--b',
      'Content-Type: text/plain; charset=utf-8',
      '',
      'The report is attached.',
      '--b',
      `Content-Type: application/pdf; name*=UTF-8''${encodedName}`,
      `Content-Disposition: attachment; filename*=UTF-8''${encodedName}`,
      'Content-Transfer-Encoding: base64',
      '',
      Buffer.from('%PDF-1.4 report').toString('base64'),
      '--b--',
      '',
    ].join('\r\n');
    expect((await sendRaw(api.smtpPort, address, raw)).code).toBe(250);
    const [conversation] = await eventually(async () => (await agent.get('/api/conversations')).body.items, (items: Array<{ id: string }>) => items.length === 1);
    const [message] = (await agent.get(`/api/conversations/${conversation.id}`)).body.messages;
    expect(message.attachments[0].filename).toBe(name);

    const download = await agent.get(message.attachments[0].url).buffer(true);
    expect(download.status).toBe(200);
    expect(download.headers['content-disposition']).toBe(`attachment; filename="_____ __ __.pdf"; filename*=UTF-8''${encodedName}`);
    expect(download.body.toString()).toBe('%PDF-1.4 report');

    const original = await agent.get(`/api/messages/${message.id}/raw`);
    expect(original.status).toBe(200);
    expect(original.headers['content-disposition']).toBe(`attachment; filename="${message.id}.eml"; filename*=UTF-8''${message.id}.eml`);
    expect((await api.agent().get('/api/health')).status).toBe(200);
  });

  it('names the raw download of failed mail the same way', async () => {
    const { agent, address } = await accountWithAddress();
    // No sender: nobody to start a conversation with, so it waits in the failed-mail queue.
    const raw = [`To: ${address}`, 'Subject: Nobody sent this', `Message-ID: <nosender.${Date.now()}@example.com>`, '', 'Who am I?', ''].join('\r\n');
    expect((await sendRaw(api.smtpPort, address, raw)).code).toBe(250);
    const [failed] = await eventually(async () => (await agent.get('/api/failed-mail')).body.items, (items: Array<{ id: string }>) => items.length === 1, 'the failed-mail queue');
    const download = await agent.get(`/api/failed-mail/${failed.id}/raw`);
    expect(download.status).toBe(200);
    expect(download.headers['content-disposition']).toBe(`attachment; filename="${failed.id}.eml"; filename*=UTF-8''${failed.id}.eml`);
  });
});

describe('behind a reverse proxy', () => {
  let proxied: TestApi;
  beforeAll(async () => {
    // The test's client connects over loopback: here it plays the proxy the operator listed.
    proxied = await startTestApi({ INBOX_DOMAIN: 'inbox.test', TRUSTED_PROXIES: '127.0.0.1, ::1' });
  });
  afterAll(() => proxied.close());

  async function auditedRequestId(target: TestApi, sentId: string) {
    const owner = await signUp(target);
    const patched = await owner.agent.patch('/api/channels/email').set('X-Request-Id', sentId).send({ defaultSubject: 'Hello again' });
    expect(patched.status).toBe(200);
    const { events } = (await owner.agent.get('/api/audit/channel-configuration')).body as { events: Array<{ type: string; requestId: string }> };
    return { echoed: patched.headers['x-request-id'] as string, recorded: events[events.length - 1].requestId };
  }

  it('records a client\'s X-Request-Id nowhere: the audit trail gets an id of our own', async () => {
    const { echoed, recorded } = await auditedRequestId(api, 'because-i-said-so-1234');
    expect(recorded).not.toBe('because-i-said-so-1234');
    expect(recorded).toMatch(/^[0-9a-f-]{36}$/);
    expect(echoed).toBe(recorded);
  });

  it('records the X-Request-Id of a proxy listed in TRUSTED_PROXIES', async () => {
    const { echoed, recorded } = await auditedRequestId(proxied, 'proxy-request-5678');
    expect(recorded).toBe('proxy-request-5678');
    expect(echoed).toBe('proxy-request-5678');
  });

  async function logIn(target: TestApi, headers: Record<string, string>) {
    const { email } = await signUp(target);
    const request = target.agent().post('/api/auth/login');
    for (const [name, value] of Object.entries(headers)) request.set(name, value);
    return request.send({ email, password: PASSWORD });
  }

  it('takes X-Forwarded-Proto: https from a trusted proxy: Secure session cookie and HSTS', async () => {
    const answer = await logIn(proxied, { 'X-Forwarded-Proto': 'https' });
    expect(answer.status).toBe(200);
    expect(answer.headers['set-cookie'][0]).toMatch(/; Secure/);
    expect(answer.headers['strict-transport-security']).toBe('max-age=31536000');
  });

  it('ignores X-Forwarded-Proto from anyone else', async () => {
    const answer = await logIn(api, { 'X-Forwarded-Proto': 'https' });
    expect(answer.status).toBe(200);
    expect(answer.headers['set-cookie'][0]).not.toMatch(/Secure/);
    expect(answer.headers['strict-transport-security']).toBeUndefined();
  });

  it('sends nosniff, a CSP that forbids framing, and no HSTS over plain HTTP on API answers', async () => {
    for (const path of ['/api/health', '/api/me', '/api/docs']) {
      const answer = await api.agent().get(path);
      expect([path, answer.headers['x-content-type-options']]).toEqual([path, 'nosniff']);
      expect(answer.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(answer.headers['x-frame-options']).toBe('DENY');
      expect(answer.headers['strict-transport-security']).toBeUndefined();
    }
  });
});
