import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PASSWORD, signUp, startTestApi, uniqueEmail, type TestApi } from './support/api-app';
import { CaptureRelay } from './support/capture-relay';
import { eventually } from './support/eventually';
import { makeTempDir } from './support/temp-dir';

// Password reset and change through HTTP, the reset mail at a capture relay, and the app's clock
// moved by the test (INBOX_TEST_CLOCK_FILE, honoured under NODE_ENV=test only) so "an hour later"
// takes no hour.

const clockDir = makeTempDir('inbox-clock-');
const clockFile = join(clockDir.path, 'offset');
const setOffset = (ms: number) => writeFileSync(clockFile, String(ms));
const HOUR = 3_600_000;
const NEW_PASSWORD = 'quiet lantern over the bay';

let api: TestApi;
let relay: CaptureRelay;
beforeAll(async () => {
  setOffset(0);
  process.env.INBOX_TEST_CLOCK_FILE = clockFile;
  relay = await CaptureRelay.start();
  api = await startTestApi({ INBOX_DOMAIN: 'inbox.test', OUTBOUND_SMTP_URL: relay.url, PUBLIC_URL: 'https://help.acme.example' });
});
afterAll(async () => {
  await api.close();
  await relay.close();
  delete process.env.INBOX_TEST_CLOCK_FILE;
  clockDir.cleanup();
});
afterEach(() => setOffset(0));

type Agent = ReturnType<TestApi['agent']>;

const requestReset = (email: string, agent: Agent = api.agent()) => agent.post('/api/auth/password-reset').send({ email });
const mailsTo = (email: string) => relay.received.filter((mail) => mail.envelope.to.includes(email));

/** The token of the reset link in the `count`-th mail to `email`, as its owner would click it. */
async function resetLinkMailedTo(email: string, count = 1): Promise<{ link: string; token: string; subject: string }> {
  const mails = await eventually(async () => mailsTo(email), (found) => found.length >= count, `reset mail ${count} to ${email}`);
  const mail = mails[count - 1];
  const link = /https:\/\/help\.acme\.example\/reset-password\/[A-Za-z0-9_-]+/.exec(mail.parsed.text ?? '')?.[0];
  if (!link) throw new Error(`no reset link in ${mail.parsed.text}`);
  return { link, token: link.slice(link.lastIndexOf('/') + 1), subject: mail.parsed.subject ?? '' };
}

async function signIn(email: string, password: string): Promise<Agent> {
  const agent = api.agent();
  const response = await agent.post('/api/auth/login').send({ email, password });
  expect(response.status).toBe(200);
  return agent;
}

describe('password reset', () => {
  it('answers an unknown address exactly as a known one, and mails only the known one', async () => {
    const { email } = await signUp(api);
    const unknown = uniqueEmail('nobody');
    const nobody = await requestReset(unknown);
    const known = await requestReset(email);
    expect(known.status).toBe(202);
    expect(nobody.status).toBe(202);
    expect(nobody.body).toEqual(known.body);
    await resetLinkMailedTo(email);
    // The known address's mail is there; the other request, made before, had its chance.
    expect(mailsTo(unknown)).toEqual([]);
  });

  it('mails a one-time link that sets the password, ends every other session and signs the holder in', async () => {
    const { email, agent: owner } = await signUp(api);
    const elsewhere = await signIn(email, PASSWORD);
    expect((await requestReset(email)).status).toBe(202);
    const { token, subject } = await resetLinkMailedTo(email);
    expect(subject).toBe('Reset your password');

    const holder = api.agent();
    const confirmed = await holder.post('/api/auth/password-reset/confirm').send({ token, password: NEW_PASSWORD });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body).toMatchObject({ email });
    expect(confirmed.headers['set-cookie']?.[0]).toMatch(/^inbox_session=.+HttpOnly/);
    expect((await holder.get('/api/me')).status).toBe(200);
    expect((await elsewhere.get('/api/me')).status).toBe(401);
    expect((await owner.get('/api/me')).status).toBe(401);

    expect((await api.agent().post('/api/auth/login').send({ email, password: PASSWORD })).status).toBe(401);
    await signIn(email, NEW_PASSWORD);

    const again = await api.agent().post('/api/auth/password-reset/confirm').send({ token, password: 'another long passphrase' });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'ACCOUNTS.RESET_LINK_USED', field: 'token' });
    expect((await api.http.get('/api/health')).status).toBe(200);
  });

  it("writes the mail in the user's language: the account's locale's until they choose one", async () => {
    const { email } = await signUp(api, { locale: 'de-DE' });
    await requestReset(email);
    const { subject, link } = await resetLinkMailedTo(email);
    expect(subject).toBe('Passwort zurücksetzen');
    expect(mailsTo(email)[0].parsed.text).toContain(link);

    const { email: chooser, agent } = await signUp(api);
    expect((await agent.patch('/api/me').send({ language: 'de' })).status).toBe(200);
    await requestReset(chooser);
    expect((await resetLinkMailedTo(chooser)).subject).toBe('Passwort zurücksetzen');
  });

  it('refuses a link after its hour, and a token never sent, each with its own code', async () => {
    const { email } = await signUp(api);
    await requestReset(email);
    const { token } = await resetLinkMailedTo(email);
    setOffset(HOUR + 60_000);
    const expired = await api.agent().post('/api/auth/password-reset/confirm').send({ token, password: NEW_PASSWORD });
    expect(expired.status).toBe(409);
    expect(expired.body).toMatchObject({ code: 'ACCOUNTS.RESET_LINK_EXPIRED', field: 'token' });
    const unknown = await api.agent().post('/api/auth/password-reset/confirm').send({ token: 'x'.repeat(43), password: NEW_PASSWORD });
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ code: 'ACCOUNTS.RESET_LINK_UNKNOWN', field: 'token' });
    await signIn(email, PASSWORD);
  });

  it('holds a new password to the policy, and keeps the link for a better one', async () => {
    const { email } = await signUp(api);
    await requestReset(email);
    const { token } = await resetLinkMailedTo(email);
    const short = await api.agent().post('/api/auth/password-reset/confirm').send({ token, password: 'short' });
    expect(short.status).toBe(422);
    expect(short.body).toMatchObject({ field: 'password' });
    expect(short.body.message).toMatch(/password must be at least 12 characters/);
    const common = await api.agent().post('/api/auth/password-reset/confirm').send({ token, password: 'password1234' });
    expect(common.status).toBe(422);
    expect(common.body).toMatchObject({ field: 'password', code: 'ACCOUNTS.PASSWORD_WEAK' });
    expect((await api.agent().post('/api/auth/password-reset/confirm').send({ token, password: NEW_PASSWORD })).status).toBe(200);
  });

  it('kills every other link of the user when the password changes', async () => {
    const { email } = await signUp(api);
    await requestReset(email);
    await requestReset(email);
    const first = await resetLinkMailedTo(email, 1);
    const second = await resetLinkMailedTo(email, 2);
    expect(first.token).not.toBe(second.token);
    expect((await api.agent().post('/api/auth/password-reset/confirm').send({ token: second.token, password: NEW_PASSWORD })).status).toBe(200);
    const older = await api.agent().post('/api/auth/password-reset/confirm').send({ token: first.token, password: 'another long passphrase' });
    expect(older.body).toMatchObject({ code: 'ACCOUNTS.RESET_LINK_USED' });
  });

  it('sends an address three mails an hour and then quietly none, and slows down one IP asking for many', async () => {
    const { email } = await signUp(api);
    const answers = [];
    for (let i = 0; i < 4; i++) answers.push((await requestReset(email)).status);
    expect(answers).toEqual([202, 202, 202, 202]);
    // A later request to another address is mailed: by then the fourth had its chance.
    const { email: other } = await signUp(api);
    await requestReset(other);
    await resetLinkMailedTo(other);
    await resetLinkMailedTo(email, 3);
    expect(mailsTo(email)).toHaveLength(3);

    let status = 202;
    for (let i = 0; i < 25 && status === 202; i++) status = (await requestReset(uniqueEmail('probe'))).status;
    expect(status).toBe(429);
  });
});

describe('password change on the profile', () => {
  it('needs the current password, holds the new one to the policy, ends other sessions and keeps this one', async () => {
    const { email, agent } = await signUp(api);
    const elsewhere = await signIn(email, PASSWORD);

    const wrong = await agent.patch('/api/me').send({ currentPassword: 'not my password at all', password: NEW_PASSWORD });
    expect(wrong.status).toBe(422);
    expect(wrong.body).toMatchObject({ field: 'currentPassword', code: 'ACCOUNTS.WRONG_PASSWORD' });
    const missing = await agent.patch('/api/me').send({ password: NEW_PASSWORD });
    expect(missing.status).toBe(422);
    expect(missing.body).toMatchObject({ field: 'currentPassword' });
    const weak = await agent.patch('/api/me').send({ currentPassword: PASSWORD, password: 'short' });
    expect(weak.status).toBe(422);
    expect(weak.body).toMatchObject({ field: 'password' });
    expect((await elsewhere.get('/api/me')).status).toBe(200);

    const changed = await agent.patch('/api/me').send({ currentPassword: PASSWORD, password: NEW_PASSWORD });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ email });
    expect((await agent.get('/api/me')).status).toBe(200);
    expect((await elsewhere.get('/api/me')).status).toBe(401);
    expect((await api.agent().post('/api/auth/login').send({ email, password: PASSWORD })).status).toBe(401);
    await signIn(email, NEW_PASSWORD);
  });

  it('counts wrong current passwords like failed sign-ins', async () => {
    const { agent } = await signUp(api);
    const statuses = [];
    for (let i = 0; i < 6; i++) statuses.push((await agent.patch('/api/me').send({ currentPassword: `wrong guess number ${i}`, password: NEW_PASSWORD })).status);
    expect(statuses).toEqual([422, 422, 422, 422, 422, 429]);
    // Even the right one waits now.
    expect((await agent.patch('/api/me').send({ currentPassword: PASSWORD, password: NEW_PASSWORD })).status).toBe(429);
  });
});
