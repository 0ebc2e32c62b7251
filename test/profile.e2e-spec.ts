import { PASSWORD, signUp, startTestApi, uniqueEmail, type TestApi } from './support/api-app';

// What users change of themselves through PATCH /api/me, and what GET /api/me then says, across a
// restart of the app on the same data.

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(async () => {
  await api.close();
});

describe('PATCH /api/me {name, language}', () => {
  it("speaks the account's locale until the user chooses, then the user's choice", async () => {
    const owner = await signUp(api, { locale: 'de-CH' });
    expect((await owner.agent.get('/api/me')).body.language).toBe('de');

    const email = uniqueEmail('agent');
    expect((await owner.agent.post('/api/users').send({ name: 'Ben Agent', email, password: PASSWORD, role: 'agent' })).status).toBe(201);
    const ben = api.agent();
    expect((await ben.post('/api/auth/login').send({ email, password: PASSWORD })).body.language).toBe('de');

    const changed = await ben.patch('/api/me').send({ language: 'en', name: 'Ben Berger' });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ language: 'en', name: 'Ben Berger' });
    expect((await ben.get('/api/me')).body).toMatchObject({ language: 'en', name: 'Ben Berger' });
    // The owner's own stays the account's.
    expect((await owner.agent.get('/api/me')).body.language).toBe('de');

    // An English account's user who picks German.
    const other = await signUp(api);
    expect((await other.agent.get('/api/me')).body.language).toBe('en');
    expect((await other.agent.patch('/api/me').send({ language: 'de' })).body.language).toBe('de');
  });

  it('refuses a language it does not speak and an empty name, naming the field, and keeps what was stored', async () => {
    const owner = await signUp(api);
    await owner.agent.patch('/api/me').send({ language: 'de' });

    const french = await owner.agent.patch('/api/me').send({ language: 'fr' });
    expect(french.status).toBe(422);
    expect(french.body).toMatchObject({ field: 'language', message: expect.stringContaining('language must be one of en, de') });
    const blank = await owner.agent.patch('/api/me').send({ name: '   ' });
    expect(blank.status).toBe(422);
    expect(blank.body.field).toBe('name');

    expect((await owner.agent.get('/api/me')).body).toMatchObject({ language: 'de', name: 'Anna Owner' });
  });
});
