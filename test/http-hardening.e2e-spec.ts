import { Logger } from '@nestjs/common';
import { startTestApi, type TestApi } from './support/api-app';
import { whilePollingHealth } from './support/while-polling-health';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({ INBOX_DOMAIN: 'inbox.test' });
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
