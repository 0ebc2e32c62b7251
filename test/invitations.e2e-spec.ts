import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PASSWORD, signUp, startTestApi, uniqueEmail, type TestApi } from './support/api-app';
import { CaptureRelay, type CapturedMail } from './support/capture-relay';
import { eventually } from './support/eventually';
import { makeTempDir } from './support/temp-dir';

// Invitations through HTTP, with the invitation mail taken from a real relay as the invitee gets it,
// and the app's clock moved by the test (INBOX_TEST_CLOCK_FILE, honoured under NODE_ENV=test only)
// so that "after 7 days" takes no sleep.

const clockDir = makeTempDir('inbox-clock-');
const clockFile = join(clockDir.path, 'offset');
const setOffset = (ms: number) => writeFileSync(clockFile, String(ms));
const DAY = 24 * 3_600_000;

let relay: CaptureRelay;
let api: TestApi;
beforeAll(async () => {
  setOffset(0);
  process.env.INBOX_TEST_CLOCK_FILE = clockFile;
  relay = await CaptureRelay.start();
  api = await startTestApi({ INBOX_DOMAIN: 'inbox.test', OUTBOUND_SMTP_URL: relay.url, PUBLIC_URL: 'https://help.acme.test' });
});
afterAll(async () => {
  await api.close();
  await relay.close();
  delete process.env.INBOX_TEST_CLOCK_FILE;
  clockDir.cleanup();
});

type Agent = ReturnType<TestApi['agent']>;

/** The `count`-th invitation mail to `email`, once it has arrived at the relay. */
async function mailTo(email: string, count = 1): Promise<CapturedMail> {
  const mails = await eventually(
    async () => relay.received.filter((mail) => mail.envelope.to.includes(email)),
    (found) => found.length >= count,
    `invitation mail ${count} to ${email}`,
  );
  return mails[count - 1];
}

const tokenOf = (mail: CapturedMail) => /https:\/\/help\.acme\.test\/invite\/([\w-]+)/.exec(mail.parsed.text ?? '')?.[1] as string;

async function invite(owner: Agent, role = 'agent'): Promise<{ email: string; invitationId: string; token: string }> {
  const email = uniqueEmail('invitee');
  const response = await owner.post('/api/invitations').send({ email, role });
  expect(response.status).toBe(201);
  return { email, invitationId: response.body.invitationId, token: tokenOf(await mailTo(email)) };
}

describe('invitations', () => {
  it('mails a one-time link, lists the invitation, and signs the invitee in with the invited role', async () => {
    const owner = await signUp(api, { accountName: 'Acme Outdoor' });
    const email = uniqueEmail('bea');
    const created = await owner.agent.post('/api/invitations').send({ email: ` ${email.toUpperCase()} `, role: 'admin' });
    expect(created.status).toBe(201);

    const mail = await mailTo(email);
    expect(mail.parsed.subject).toBe('Anna Owner invited you to Acme Outdoor');
    expect(mail.parsed.text).toContain('Anna Owner invited you to join Acme Outdoor');
    expect(mail.parsed.text).toMatch(/expires on \d{1,2} \w+ \d{4}/);
    const token = tokenOf(mail);
    expect(token.length).toBeGreaterThanOrEqual(22);
    expect(mail.parsed.html).toContain(`href="https://help.acme.test/invite/${token}"`);

    const listed = await owner.agent.get('/api/invitations');
    expect(listed.body.items).toEqual([
      expect.objectContaining({ invitationId: created.body.invitationId, email, role: 'admin', invitedBy: { userId: owner.userId, name: 'Anna Owner' }, status: 'pending' }),
    ]);
    const { invitedAt, expiresAt } = listed.body.items[0];
    expect(Date.parse(expiresAt) - Date.parse(invitedAt)).toBe(7 * DAY);

    const anonymous = api.agent();
    const checked = await anonymous.post('/api/invitations/check').send({ token });
    expect(checked.status).toBe(200);
    expect(checked.body).toEqual({ email, accountName: 'Acme Outdoor', role: 'admin', expiresAt });

    const weak = await anonymous.post('/api/invitations/accept').send({ token, name: 'Bea Berger', password: 'short' });
    expect(weak.status).toBe(422);
    expect(weak.body).toMatchObject({ code: 'ACCOUNTS.PASSWORD_WEAK', field: 'password' });

    const accepted = await anonymous.post('/api/invitations/accept').send({ token, name: 'Bea Berger', password: PASSWORD });
    expect(accepted.status).toBe(201);
    expect(accepted.body.accountId).toBe(owner.accountId);
    const me = await anonymous.get('/api/me');
    expect(me.body).toMatchObject({ accountId: owner.accountId, name: 'Bea Berger', email, role: 'admin' });

    const users = (await owner.agent.get('/api/users')).body.items;
    expect(users).toContainEqual(expect.objectContaining({ email, name: 'Bea Berger', role: 'admin', active: true }));
    expect((await owner.agent.get('/api/invitations')).body.items).toEqual([]);

    // Single use: the same link again, and signing in with the new password works.
    const again = await api.agent().post('/api/invitations/accept').send({ token, name: 'Mallory', password: 'another long passphrase' });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'INVITATIONS.LINK_USED', field: 'token' });
    expect((await api.agent().post('/api/invitations/check').send({ token })).body.code).toBe('INVITATIONS.LINK_USED');
    expect((await api.agent().post('/api/auth/login').send({ email, password: PASSWORD })).status).toBe(200);
    expect((await api.http.get('/api/health')).status).toBe(200);
  });

  it('mails in the language of the account', async () => {
    const owner = await signUp(api, { accountName: 'Bergsport', locale: 'de-DE', timeZone: 'Europe/Berlin' });
    const { email } = await invite(owner.agent);
    const mail = await mailTo(email);
    expect(mail.parsed.subject).toBe('Anna Owner hat Sie zu Bergsport eingeladen');
    expect(mail.parsed.text).toMatch(/läuft am \d{1,2}\. \S+ \d{4}/);
  });

  it('refuses an address that is a user anywhere or already invited, naming email', async () => {
    const owner = await signUp(api);
    const other = await signUp(api);
    const taken = await owner.agent.post('/api/invitations').send({ email: other.email, role: 'agent' });
    expect(taken.status).toBe(409);
    expect(taken.body).toMatchObject({ code: 'ACCOUNTS.EMAIL_TAKEN', field: 'email' });
    expect(taken.body.message).toMatch(/^email /);

    const { email } = await invite(owner.agent);
    const twice = await owner.agent.post('/api/invitations').send({ email, role: 'auditor' });
    expect(twice.status).toBe(409);
    expect(twice.body).toMatchObject({ code: 'INVITATIONS.ALREADY_INVITED', field: 'email' });

    const bad = await owner.agent.post('/api/invitations').send({ email: 'not an address', role: 'agent' });
    expect(bad.status).toBe(422);
    expect(bad.body.message).toMatch(/^email must be an email address/);
    const role = await owner.agent.post('/api/invitations').send({ email: uniqueEmail(), role: 'primary_admin' });
    expect([400, 422]).toContain(role.status);
    expect(JSON.stringify(role.body.message)).toMatch(/role must be one of admin, agent, auditor/);
  });

  it('resends with a new link and expiry: the old link is dead; a revoked link is dead too', async () => {
    const owner = await signUp(api);
    const first = await invite(owner.agent);
    const before = (await owner.agent.get('/api/invitations')).body.items[0];

    setOffset(DAY);
    try {
      expect((await owner.agent.post(`/api/invitations/${first.invitationId}/resend`)).status).toBe(204);
      const second = tokenOf(await mailTo(first.email, 2));
      expect(second).not.toBe(first.token);
      const after = (await owner.agent.get('/api/invitations')).body.items[0];
      expect(Date.parse(after.expiresAt)).toBeGreaterThanOrEqual(Date.parse(before.expiresAt) + DAY - 5_000);

      const old = await api.agent().post('/api/invitations/accept').send({ token: first.token, name: 'Old Link', password: PASSWORD });
      expect(old.status).toBe(404);
      expect(old.body).toMatchObject({ code: 'INVITATIONS.LINK_INVALID', field: 'token' });
      expect((await api.agent().post('/api/invitations/check').send({ token: second })).status).toBe(200);

      expect((await owner.agent.post(`/api/invitations/${first.invitationId}/revoke`)).status).toBe(204);
      const revoked = await api.agent().post('/api/invitations/check').send({ token: second });
      expect(revoked.status).toBe(404);
      expect(revoked.body.code).toBe('INVITATIONS.LINK_INVALID');
      expect((await owner.agent.get('/api/invitations')).body.items).toEqual([]);
      expect((await owner.agent.post(`/api/invitations/${first.invitationId}/resend`)).body.code).toBe('INVITATIONS.REVOKED');
      // Mail went out twice for it, never a third time.
      expect(relay.received.filter((mail) => mail.envelope.to.includes(first.email))).toHaveLength(2);
    } finally {
      setOffset(0);
    }
  });

  it('refuses an expired link; the admin sees it expired and resends a link that works', async () => {
    const owner = await signUp(api);
    const { email, invitationId, token } = await invite(owner.agent, 'auditor');
    setOffset(7 * DAY + 60_000);
    try {
      const expired = await api.agent().post('/api/invitations/accept').send({ token, name: 'Late Larry', password: PASSWORD });
      expect(expired.status).toBe(409);
      expect(expired.body).toMatchObject({ code: 'INVITATIONS.LINK_EXPIRED', field: 'token' });
      expect((await owner.agent.get('/api/invitations')).body.items).toEqual([expect.objectContaining({ invitationId, status: 'expired' })]);

      expect((await owner.agent.post(`/api/invitations/${invitationId}/resend`)).status).toBe(204);
      const fresh = tokenOf(await mailTo(email, 2));
      const invitee = api.agent();
      expect((await invitee.post('/api/invitations/accept').send({ token: fresh, name: 'Late Larry', password: PASSWORD })).status).toBe(201);
      expect((await invitee.get('/api/me')).body).toMatchObject({ role: 'auditor', email });
    } finally {
      setOffset(0);
    }
  });

  it("answers another account's invitation as missing, and an unknown link as invalid", async () => {
    const owner = await signUp(api);
    const stranger = await signUp(api);
    const { invitationId } = await invite(owner.agent);
    expect((await stranger.agent.post(`/api/invitations/${invitationId}/revoke`)).status).toBe(404);
    expect((await stranger.agent.post(`/api/invitations/${invitationId}/resend`)).status).toBe(404);
    expect((await stranger.agent.get('/api/invitations')).body.items).toEqual([]);
    const unknown = await api.agent().post('/api/invitations/check').send({ token: 'x'.repeat(43) });
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('INVITATIONS.LINK_INVALID');
    const huge = await api.agent().post('/api/invitations/check').send({ token: 'x'.repeat(5000) });
    expect(huge.status).toBe(422);
    expect(JSON.stringify(huge.body.message)).toMatch(/token/);
  });
});
