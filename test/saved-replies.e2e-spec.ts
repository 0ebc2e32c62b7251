import { PASSWORD, signUp, startTestApi, uniqueEmail, type TestApi } from './support/api-app';

// Saved replies end to end: admins keep them, everyone in the account reads them, and the composer
// gets one rendered with a conversation's contact and subject and the agent's own name.

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api.close());

type Agent = ReturnType<TestApi['agent']>;

/** An account with an admin owner, an agent and an auditor, each signed in. */
async function team() {
  const owner = await signUp(api, { ownerName: 'Olivia Owner' });
  const member = async (role: 'agent' | 'auditor', name: string): Promise<Agent> => {
    const email = uniqueEmail(role);
    expect((await owner.agent.post('/api/users').send({ name, email, password: PASSWORD, role })).status).toBe(201);
    const agent = api.agent();
    await agent.post('/api/auth/login').send({ email, password: PASSWORD });
    return agent;
  };
  return { owner: owner.agent, agent: await member('agent', 'Alex Agent'), auditor: await member('auditor', 'Audrey Auditor') };
}

/** A conversation opened by a form submission: its contact has a name and an email, its subject is the form's name. */
async function conversationOf(admin: Agent): Promise<string> {
  const form = await admin.post('/api/forms').send({
    name: 'Parcel question',
    fields: [
      { name: 'name', label: 'Name', type: 'text', required: false },
      { name: 'email', label: 'Email', type: 'email', required: true },
    ],
  });
  const submitted = await api.agent().post(`/api/forms/${form.body.id}/submissions`).set('X-Forwarded-For', '198.51.100.7').send({ name: 'Carla Customer', email: 'carla@example.com' });
  expect(submitted.status).toBe(201);
  return submitted.body.conversationId as string;
}

describe('admins keep saved replies', () => {
  it('creates, lists by name, searches, reads, edits and deletes them', async () => {
    const { owner } = await team();
    const created = await owner.post('/api/saved-replies').send({ name: ' Refund ', body: 'Hi {{ contact.name }},\r\nyour refund is on its way.' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'Refund', body: 'Hi {{ contact.name }},\nyour refund is on its way.', createdBy: expect.any(String), updatedBy: created.body.createdBy });
    const second = await owner.post('/api/saved-replies').send({ name: 'apology', body: 'Sorry for the wait.' });
    expect(second.status).toBe(201);

    const list = await owner.get('/api/saved-replies');
    expect(list.status).toBe(200);
    expect(list.body.items.map((r: { name: string }) => r.name)).toEqual(['apology', 'Refund']);
    expect(list.body.variables).toEqual(['contact.name', 'contact.email', 'agent.name', 'agent.email', 'conversation.subject']);
    expect((await owner.get('/api/saved-replies?q=REFUND')).body.items.map((r: { id: string }) => r.id)).toEqual([created.body.id]);
    expect((await owner.get('/api/saved-replies?q=wait')).body.items.map((r: { id: string }) => r.id)).toEqual([second.body.id]);
    expect((await owner.get('/api/saved-replies?q=%25')).body.items).toEqual([]);
    expect((await owner.get(`/api/saved-replies?q=${'x'.repeat(201)}`)).status).toBe(422);

    const changed = await owner.patch(`/api/saved-replies/${created.body.id}`).send({ body: 'Refunded. {{agent.name}}' });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ name: 'Refund', body: 'Refunded. {{agent.name}}' });
    expect((await owner.get(`/api/saved-replies/${created.body.id}`)).body.body).toBe('Refunded. {{agent.name}}');

    expect((await owner.delete(`/api/saved-replies/${created.body.id}`)).status).toBe(204);
    expect((await owner.get(`/api/saved-replies/${created.body.id}`)).status).toBe(404);
    expect((await owner.delete(`/api/saved-replies/${created.body.id}`)).status).toBe(404);
    expect((await owner.get('/api/saved-replies')).body.items.map((r: { name: string }) => r.name)).toEqual(['apology']);
  });

  it('refuses an unknown variable with 422 naming it, and a bad name or body naming the field', async () => {
    const { owner } = await team();
    const unknown = await owner.post('/api/saved-replies').send({ name: 'Call', body: 'We will call {{ contact.phone }}.' });
    expect(unknown.status).toBe(422);
    expect(unknown.body).toMatchObject({ statusCode: 422, field: 'body', message: expect.stringMatching(/^body: unknown variable \{\{contact\.phone\}\}/) });
    const saved = await owner.post('/api/saved-replies').send({ name: 'Call', body: 'We will call you.' });
    const unknownOnEdit = await owner.patch(`/api/saved-replies/${saved.body.id}`).send({ body: '{{agent.phone}}' });
    expect(unknownOnEdit.status).toBe(422);
    expect(unknownOnEdit.body.message).toContain('{{agent.phone}}');

    expect((await owner.post('/api/saved-replies').send({ name: '', body: 'x' })).body).toMatchObject({ statusCode: 422, field: 'name' });
    expect((await owner.post('/api/saved-replies').send({ name: 'x'.repeat(81), body: 'x' })).body).toMatchObject({ statusCode: 422, field: 'name' });
    expect((await owner.post('/api/saved-replies').send({ name: 'Long', body: 'x'.repeat(20_001) })).body).toMatchObject({ statusCode: 422, field: 'body' });
    expect((await owner.post('/api/saved-replies').send({ name: 'No body' })).body).toMatchObject({ statusCode: 422, field: 'body' });
    expect((await owner.post('/api/saved-replies').send({ name: 'Extra', body: 'x', shared: true })).status).toBe(422);
  });

  it('answers 409 to a name the account already uses, whatever its case', async () => {
    const { owner } = await team();
    const first = await owner.post('/api/saved-replies').send({ name: 'Refund', body: 'One' });
    const duplicate = await owner.post('/api/saved-replies').send({ name: 'rEFUND', body: 'Two' });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body).toMatchObject({ field: 'name', message: expect.stringContaining('Refund') });
    const other = await owner.post('/api/saved-replies').send({ name: 'Other', body: 'Three' });
    expect((await owner.patch(`/api/saved-replies/${other.body.id}`).send({ name: 'refund' })).status).toBe(409);
    // Another account may use the same name.
    expect((await (await signUp(api)).agent.post('/api/saved-replies').send({ name: 'Refund', body: 'Mine' })).status).toBe(201);
    expect((await owner.get('/api/saved-replies')).body.items.map((r: { id: string }) => r.id)).toEqual([other.body.id, first.body.id]);
  });
});

describe('who may do what', () => {
  it('lets agents and auditors read but not write', async () => {
    const { owner, agent, auditor } = await team();
    const saved = await owner.post('/api/saved-replies').send({ name: 'Hello', body: 'Hello {{contact.name}}' });
    for (const reader of [agent, auditor]) {
      expect((await reader.get('/api/saved-replies')).body.items).toEqual([expect.objectContaining({ id: saved.body.id, name: 'Hello' })]);
      expect((await reader.get(`/api/saved-replies/${saved.body.id}`)).status).toBe(200);
      expect((await reader.post('/api/saved-replies').send({ name: 'Mine', body: 'x' })).status).toBe(403);
      expect((await reader.patch(`/api/saved-replies/${saved.body.id}`).send({ name: 'Mine' })).status).toBe(403);
      expect((await reader.delete(`/api/saved-replies/${saved.body.id}`)).status).toBe(403);
    }
    expect((await owner.get(`/api/saved-replies/${saved.body.id}`)).body.name).toBe('Hello');
  });

  it("answers 404 for another account's saved reply and lists none of it", async () => {
    const { owner } = await team();
    const saved = await owner.post('/api/saved-replies').send({ name: 'Hello', body: 'Hello' });
    const conversationId = await conversationOf(owner);
    const stranger = (await signUp(api)).agent;
    expect((await stranger.get(`/api/saved-replies/${saved.body.id}`)).status).toBe(404);
    expect((await stranger.patch(`/api/saved-replies/${saved.body.id}`).send({ name: 'Mine' })).status).toBe(404);
    expect((await stranger.delete(`/api/saved-replies/${saved.body.id}`)).status).toBe(404);
    expect((await stranger.get('/api/saved-replies')).body.items).toEqual([]);
    const strangersConversation = await conversationOf(stranger);
    expect((await stranger.get(`/api/conversations/${strangersConversation}/saved-replies/${saved.body.id}/rendered`)).status).toBe(404);
    expect((await stranger.get(`/api/conversations/${conversationId}/saved-replies/${saved.body.id}/rendered`)).status).toBe(404);
    expect((await owner.get(`/api/saved-replies/${saved.body.id}`)).body.name).toBe('Hello');
  });
});

describe('rendering for a conversation', () => {
  it("fills in each variable: the contact's name and email, the subject, and the agent who asks", async () => {
    const { owner, agent } = await team();
    const conversationId = await conversationOf(owner);
    const body = 'Hi {{contact.name}} ({{ contact.email }}), about "{{conversation.subject}}": done. {{agent.name}}';
    const saved = await owner.post('/api/saved-replies').send({ name: 'Done', body });
    const rendered = await agent.get(`/api/conversations/${conversationId}/saved-replies/${saved.body.id}/rendered`);
    expect(rendered.status).toBe(200);
    expect(rendered.body).toEqual({ id: saved.body.id, name: 'Done', text: 'Hi Carla Customer (carla@example.com), about "Parcel question": done. Alex Agent' });
    expect((await owner.get(`/api/conversations/${conversationId}/saved-replies/${saved.body.id}/rendered`)).body.text).toMatch(/done\. Olivia Owner$/);
    expect((await agent.get(`/api/conversations/${conversationId}/saved-replies/nope/rendered`)).status).toBe(404);
    expect((await agent.get('/api/health')).status).toBe(200);
  });
});
