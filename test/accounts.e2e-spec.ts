import { randomBytes, randomUUID, scryptSync } from 'node:crypto';
import { EVENT_STORE as EventStoreToken, type EventStore } from '../src/shared/event-store/event-store.port';
import { eventually } from './support/eventually';
import { PASSWORD, signUp, startTestApi, uniqueEmail, type TestApi } from './support/api-app';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.close());

describe('sign-up', () => {
  it('opens an account with its primary admin, signed in with an HttpOnly SameSite=Lax cookie', async () => {
    const agent = api.agent();
    const email = uniqueEmail('Anna');
    const response = await agent.post('/api/accounts').send({
      accountName: 'Acme Support',
      ownerName: 'Anna Smith',
      email: email.toUpperCase(),
      password: PASSWORD,
      plan: 'seats',
      timeZone: 'Europe/Berlin',
      locale: 'de-DE',
    });
    expect(response.status).toBe(201);
    expect(response.body).toEqual({ accountId: expect.any(String), userId: expect.any(String) });
    const cookie = String(response.headers['set-cookie']);
    expect(cookie).toMatch(/^inbox_session=[\w-]{40,};/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Lax');

    const me = await agent.get('/api/me');
    expect(me.status).toBe(200);
    expect(me.body).toEqual({
      userId: response.body.userId,
      accountId: response.body.accountId,
      name: 'Anna Smith',
      email: email.toLowerCase(),
      role: 'primary_admin',
      permissions: expect.arrayContaining(['channels.email.configure', 'users.manage', 'audit.read']),
      signature: '',
      language: 'de',
    });
    const account = await agent.get('/api/account');
    expect(account.body).toEqual({ name: 'Acme Support', plan: 'seats', timeZone: 'Europe/Berlin', locale: 'de-DE', undoSendSeconds: 10 });
  });

  it('records AccountOpened with the actor and the request id in its metadata', async () => {
    const { accountId, userId } = await signUp(api);
    const [opened] = await api.app.get(EventStoreToken).readStream(`account-${accountId}`);
    expect(opened.type).toBe('AccountOpened');
    expect(opened.data).toMatchObject({ accountId, plan: 'trial', timeZone: 'UTC', locale: 'en', primaryAdmin: { userId } });
    expect(opened.metadata).toMatchObject({ accountId, actor: { userId, role: 'primary_admin' }, correlationId: expect.any(String) });
  });

  it.each([
    [{ email: 'not-an-email' }, 'email', 'email must be an email address'],
    [{ plan: 'free' }, 'plan', 'plan must be one of the following values: trial, seats'],
    [{ password: 'short' }, 'password', 'password must be at least 12 characters'],
    [{ password: 'aaaaaaaaaaaa' }, 'password', 'password must not repeat one character'],
    [{ password: 'Password1234' }, 'password', 'password is one of the most common passwords'],
    [{ password: 'qwertyuiop123' }, 'password', 'password is one of the most common passwords'],
    [{ accountName: 'Blue Harbour Support', password: 'BlueHarbourSupport!' }, 'password', 'password must not be your email, your name or the account name'],
    [{ accountName: '  ' }, 'accountName', 'accountName must not be empty'],
    [{ ownerName: 'Line\nbreak' }, 'ownerName', 'ownerName must not contain line breaks'],
    [{ timeZone: 'Mars/Olympus' }, 'timeZone', 'timeZone must be an IANA time zone'],
    [{ locale: 'not a locale!' }, 'locale', 'locale must be a language tag'],
    [{ email: 42 }, 'email', 'email must be a string'],
  ])('refuses %j with 422 naming %s', async (overrides, field, message) => {
    const response = await api
      .agent()
      .post('/api/accounts')
      .send({ accountName: 'Acme', ownerName: 'Anna', email: uniqueEmail(), password: PASSWORD, plan: 'trial', ...overrides });
    expect(response.status).toBe(422);
    expect(response.body.field).toBe(field);
    expect(response.body.message).toContain(message);
  });

  it('refuses an email that is already registered, whatever its case', async () => {
    const { email } = await signUp(api);
    const again = await api
      .agent()
      .post('/api/accounts')
      .send({ accountName: 'Other', ownerName: 'Otto', email: ` ${email.toUpperCase()} `, password: PASSWORD, plan: 'trial' });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'ACCOUNTS.EMAIL_TAKEN', field: 'email' });
    // Whoever tries an address learns no more than that it is taken: nothing about its user is echoed.
    expect(again.body.message).not.toContain(email);
  });

  it('gives one 201 and one 409 when two sign-ups race for one email', async () => {
    const email = uniqueEmail('race');
    const body = { accountName: 'Race', ownerName: 'Rita', email, password: PASSWORD, plan: 'trial' };
    const answers = await Promise.all([api.agent().post('/api/accounts').send(body), api.agent().post('/api/accounts').send(body)]);
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409]);
  });
});

describe('sign-up limits and password hashes', () => {
  it('limits sign-ups per IP (SIGNUPS_PER_IP_PER_HOUR) with 429 and Retry-After; other IPs go on', async () => {
    const limited = await startTestApi({ SIGNUPS_PER_IP_PER_HOUR: '3' });
    try {
      const from = (ip: string) =>
        limited.agent().post('/api/accounts').set('X-Forwarded-For', ip).send({ accountName: 'Spam', ownerName: 'Sam', email: uniqueEmail('bulk'), password: PASSWORD, plan: 'trial' });
      const answers = [];
      for (let i = 0; i < 4; i++) answers.push(await from('203.0.113.40'));
      expect(answers.map((a) => a.status)).toEqual([201, 201, 201, 429]);
      expect(answers[3].body.code).toBe('ACCOUNTS.TOO_MANY_SIGNUPS');
      expect(Number(answers[3].headers['retry-after'])).toBeGreaterThan(0);
      expect((await from('203.0.113.41')).status).toBe(201);
    } finally {
      await limited.close();
    }
  });

  describe('at the production cost', () => {
    // The other specs hash at a test run's low cost (PASSWORD_HASH_COST): these need the real one.
    let hashing: TestApi;
    beforeAll(async () => {
      hashing = await startTestApi({ PASSWORD_HASH_COST: '17' });
    });
    afterAll(() => hashing.close());

    it('hashes with scrypt N=2^17, and upgrades an older hash when its user signs in', async () => {
      const { email, userId } = await signUp(hashing);
      const store = hashing.app.get<symbol, EventStore>(EventStoreToken);
      const hashes = async () => (await store.readStream(`user-${userId}`)).filter((e) => e.type === 'UserPasswordSet').map((e) => (e.data as { passwordHash: string }).passwordHash);
      expect((await hashes())[0]).toMatch(/^scrypt\$131072\$8\$1\$/);
      // A hash as the earlier build stored it (N=2^15), for the same password.
      const salt = randomBytes(16);
      const key = scryptSync(PASSWORD, salt, 32, { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 });
      const old = ['scrypt', 2 ** 15, 8, 1, salt.toString('base64url'), key.toString('base64url')].join('$');
      await store.appendToStream(`user-${userId}`, [{ type: 'UserPasswordSet', data: { userId, passwordHash: old }, metadata: { eventId: randomUUID(), accountId: null, actor: { system: 'test' }, correlationId: randomUUID(), causationId: null, occurredAt: new Date().toISOString(), schemaVersion: 1 } }], { expectedRevision: 'any' });
      await eventually(async () => (await hashing.agent().post('/api/auth/login').set('X-Forwarded-For', '203.0.113.60').send({ email, password: 'not the password' })).status, (s) => s === 401);

      expect((await hashing.agent().post('/api/auth/login').set('X-Forwarded-For', '203.0.113.60').send({ email, password: PASSWORD })).status).toBe(200);
      const after = await hashes();
      expect(after).toHaveLength(3);
      expect(after[1]).toBe(old);
      expect(after[2]).toMatch(/^scrypt\$131072\$8\$1\$/);
      expect((await hashing.agent().post('/api/auth/login').set('X-Forwarded-For', '203.0.113.60').send({ email, password: PASSWORD })).status).toBe(200);
      expect(await hashes()).toHaveLength(3);
    });

    it('keeps the event loop free while passwords are hashed: health answers within a second during a burst of sign-ins', async () => {
      const { email } = await signUp(hashing);
      const slowest = { ms: 0 };
      let polling = true;
      const poll = (async () => {
        while (polling) {
          const started = Date.now();
          expect((await hashing.agent().get('/api/health')).status).toBe(200);
          slowest.ms = Math.max(slowest.ms, Date.now() - started);
        }
      })();
      await Promise.all(Array.from({ length: 6 }, (_, i) => hashing.agent().post('/api/auth/login').set('X-Forwarded-For', `203.0.113.${70 + i}`).send({ email, password: `wrong password ${i}` })));
      polling = false;
      await poll;
      expect(slowest.ms).toBeLessThan(1000);
    });
  });
});

describe('sign-up closed', () => {
  it('lets only the first account sign up when SIGNUP=closed', async () => {
    const closed = await startTestApi({ SIGNUP: 'closed' });
    try {
      const body = () => ({ accountName: 'X', ownerName: 'Xena', email: uniqueEmail(), password: PASSWORD, plan: 'trial' });
      const answers = await Promise.all([0, 1, 2].map(() => closed.agent().post('/api/accounts').send(body())));
      expect(answers.map((a) => a.status).sort()).toEqual([201, 403, 403]);
      const later = await closed.agent().post('/api/accounts').send(body());
      expect(later.status).toBe(403);
      expect(later.body.code).toBe('ACCOUNTS.SIGNUP_CLOSED');
    } finally {
      await closed.close();
    }
  });
});

describe('login and logout', () => {
  it('logs in with the right password, case-insensitive email, and the session really ends on logout', async () => {
    const { email } = await signUp(api);
    const browser = api.agent();
    const login = await browser.post('/api/auth/login').send({ email: email.toUpperCase(), password: PASSWORD });
    expect(login.status).toBe(200);
    expect(login.body).toMatchObject({ email, role: 'primary_admin' });
    const cookie = String(login.headers['set-cookie']).split(';')[0];
    expect((await browser.get('/api/me')).status).toBe(200);

    expect((await browser.post('/api/auth/logout')).status).toBe(204);
    expect((await browser.get('/api/me')).status).toBe(401);
    // The old token is dead even if a client kept it.
    const replay = await api.agent().get('/api/me').set('Cookie', cookie);
    expect(replay.status).toBe(401);
  });

  it('answers 401 for a wrong password or an unknown email, with the same message', async () => {
    const { email } = await signUp(api);
    const wrong = await api.agent().post('/api/auth/login').send({ email, password: 'wrong password!!' });
    const unknown = await api.agent().post('/api/auth/login').send({ email: uniqueEmail('nobody'), password: PASSWORD });
    expect([wrong.status, unknown.status]).toEqual([401, 401]);
    expect(wrong.body.message).toBe(unknown.body.message);
  });

  it('rate-limits failed logins per address and IP', async () => {
    const { email } = await signUp(api);
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      statuses.push((await api.agent().post('/api/auth/login').send({ email, password: `wrong password ${i}` })).status);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    const blocked = await api.agent().post('/api/auth/login').send({ email, password: PASSWORD });
    expect(blocked.status).toBe(429);
    expect(blocked.body.code).toBe('ACCOUNTS.TOO_MANY_ATTEMPTS');
  });

  it('answers an unknown address exactly like a known one, and one address failing never locks out another from the same IP', async () => {
    const owner = await signUp(api);
    const colleague = uniqueEmail('colleague');
    expect((await owner.agent.post('/api/users').send({ name: 'Cole League', email: colleague, password: PASSWORD, role: 'agent' })).status).toBe(201);
    const from = (ip: string) => ({ login: (email: string, password: string) => api.agent().post('/api/auth/login').set('X-Forwarded-For', ip).send({ email, password }) });
    const office = from('198.51.100.10');
    const tries = async (email: string) => {
      const answers: Array<[number, string]> = [];
      for (let i = 0; i < 6; i++) {
        const answer = await office.login(email, `wrong password ${i}`);
        answers.push([answer.status, answer.body.code]);
      }
      return answers;
    };
    const forKnown = await tries(owner.email);
    const forUnknown = await tries(uniqueEmail('nobody'));
    expect(forUnknown).toEqual(forKnown);
    expect(forKnown.map(([status]) => status)).toEqual([401, 401, 401, 401, 401, 429]);
    // Another unknown address, another user of the same account: each is judged on its own.
    expect((await office.login(uniqueEmail('nobody'), 'wrong password!')).status).toBe(401);
    expect((await office.login(colleague, PASSWORD)).status).toBe(200);
  });

  it('limits guesses at one address across IPs, while its user still signs in from where they did before', async () => {
    const { email } = await signUp(api);
    expect((await api.agent().post('/api/auth/login').set('X-Forwarded-For', '203.0.113.5').send({ email, password: PASSWORD })).status).toBe(200);
    for (let i = 0; i < 20; i++) {
      const answer = await api.agent().post('/api/auth/login').set('X-Forwarded-For', `192.0.2.${i + 1}`).send({ email, password: `guess number ${i}` });
      expect(answer.status).toBe(401);
    }
    const botnet = await api.agent().post('/api/auth/login').set('X-Forwarded-For', '192.0.2.200').send({ email, password: PASSWORD });
    expect(botnet.status).toBe(429);
    expect(botnet.body.code).toBe('ACCOUNTS.TOO_MANY_ATTEMPTS');
    expect((await api.agent().post('/api/auth/login').set('X-Forwarded-For', '203.0.113.5').send({ email, password: PASSWORD })).status).toBe(200);
  });

  it('refuses a mutating request from another site', async () => {
    const { agent } = await signUp(api);
    const response = await agent.post('/api/auth/logout').set('Origin', 'https://evil.example').set('Host', 'inbox.example');
    expect(response.status).toBe(403);
    expect((await agent.get('/api/me')).status).toBe(200);
    const sameSite = await agent.patch('/api/account').set('Origin', 'http://inbox.example').set('Host', 'inbox.example').send({ name: 'Renamed' });
    expect(sameSite.status).toBe(200);
  });
});

describe('users and roles', () => {
  it('lets an admin create users with a role; they sign in with that role', async () => {
    const owner = await signUp(api);
    const email = uniqueEmail('agent');
    const created = await owner.agent.post('/api/users').send({ name: 'Alex Agent', email, password: PASSWORD, role: 'agent' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ userId: expect.any(String), name: 'Alex Agent', email, role: 'agent', active: true });

    const list = await owner.agent.get('/api/users');
    expect(list.body.items.map((u: { role: string }) => u.role).sort()).toEqual(['agent', 'primary_admin']);
    expect(list.body.assignableRoles).toEqual(['agent', 'admin', 'auditor']);

    const agent = api.agent();
    expect((await agent.post('/api/auth/login').send({ email, password: PASSWORD })).body.role).toBe('agent');
    expect((await agent.get('/api/users')).status).toBe(403);
  });

  it.each([
    [{ role: 'owner' }, 'role'],
    [{ role: 'primary_admin' }, 'role'],
    [{ email: 'nope' }, 'email'],
    [{ password: 'short' }, 'password'],
    [{ name: '' }, 'name'],
  ])('refuses a new user with %j naming %s', async (overrides, field) => {
    const owner = await signUp(api);
    const response = await owner.agent
      .post('/api/users')
      .send({ name: 'New', email: uniqueEmail(), password: PASSWORD, role: 'agent', ...overrides });
    expect(response.status).toBe(422);
    expect(response.body.field).toBe(field);
  });

  it('keeps exactly one primary admin: the role cannot change nor be given, the owner cannot be deactivated', async () => {
    const owner = await signUp(api);
    const admin = await owner.agent.post('/api/users').send({ name: 'Ada Admin', email: uniqueEmail(), password: PASSWORD, role: 'admin' });
    const adminAgent = api.agent();
    await adminAgent.post('/api/auth/login').send({ email: admin.body.email, password: PASSWORD });

    const demote = await adminAgent.patch(`/api/users/${owner.userId}`).send({ role: 'agent' });
    expect(demote.status).toBe(409);
    expect(demote.body.code).toBe('ACCOUNTS.PRIMARY_ADMIN_FIXED');
    const deactivate = await adminAgent.patch(`/api/users/${owner.userId}`).send({ active: false });
    expect(deactivate.status).toBe(409);
    const promote = await owner.agent.patch(`/api/users/${admin.body.userId}`).send({ role: 'primary_admin' });
    expect(promote.status).toBe(422);
    const self = await adminAgent.patch(`/api/users/${admin.body.userId}`).send({ active: false });
    expect(self.body.code).toBe('ACCOUNTS.CANNOT_DEACTIVATE_SELF');
  });

  it("tells an admin which users' role and access the users page may offer to change: not the primary admin's, not their own", async () => {
    const owner = await signUp(api);
    const admin = await owner.agent.post('/api/users').send({ name: 'Ada Admin', email: uniqueEmail(), password: PASSWORD, role: 'admin' });
    await owner.agent.post('/api/users').send({ name: 'Alex Agent', email: uniqueEmail(), password: PASSWORD, role: 'agent' });
    const adminAgent = api.agent();
    await adminAgent.post('/api/auth/login').send({ email: admin.body.email, password: PASSWORD });

    const changeable = async (agent: typeof adminAgent) =>
      Object.fromEntries((await agent.get('/api/users')).body.items.map((u: { name: string; changeable: boolean }) => [u.name, u.changeable]));
    expect(await changeable(adminAgent)).toEqual({ 'Anna Owner': false, 'Ada Admin': false, 'Alex Agent': true });
    expect(await changeable(owner.agent)).toEqual({ 'Anna Owner': false, 'Ada Admin': true, 'Alex Agent': true });
  });

  it('signs a deactivated user out everywhere and refuses their login; reactivating restores access', async () => {
    const owner = await signUp(api);
    const email = uniqueEmail('leaver');
    const created = await owner.agent.post('/api/users').send({ name: 'Lee Leaver', email, password: PASSWORD, role: 'agent' });
    const leaver = api.agent();
    await leaver.post('/api/auth/login').send({ email, password: PASSWORD });
    expect((await leaver.get('/api/me')).status).toBe(200);

    const off = await owner.agent.patch(`/api/users/${created.body.userId}`).send({ active: false });
    expect(off.body).toMatchObject({ active: false, name: 'Lee Leaver' });
    expect((await leaver.get('/api/me')).status).toBe(401);
    const login = await api.agent().post('/api/auth/login').send({ email, password: PASSWORD });
    expect(login.status).toBe(401);
    expect(login.body.code).toBe('ACCOUNTS.USER_DEACTIVATED');

    const back = await owner.agent.patch(`/api/users/${created.body.userId}`).send({ active: true, name: 'Lee Returner' });
    expect(back.body).toMatchObject({ active: true, name: 'Lee Returner' });
  });

  it('answers 404 for a user of another account, as for one that does not exist', async () => {
    const mine = await signUp(api);
    const theirs = await signUp(api);
    const other = await theirs.agent.post('/api/users').send({ name: 'Them', email: uniqueEmail(), password: PASSWORD, role: 'agent' });
    const response = await mine.agent.patch(`/api/users/${other.body.userId}`).send({ name: 'Hijacked' });
    expect(response.status).toBe(404);
    const missing = await mine.agent.patch('/api/users/00000000-0000-0000-0000-000000000000').send({ name: 'Ghost' });
    expect(missing.status).toBe(404);
    expect(response.body.message).toBe(missing.body.message);
  });
});
