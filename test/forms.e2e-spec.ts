import { signUp, startTestApi, type TestApi } from './support/api-app';
import { eventually } from './support/eventually';
import { contactTokenIn, plusAddress, unkeyedContactToken } from '../src/shared/domain/reply-address';

// Forms end to end: admins define them, anyone submits them (JSON, a plain HTML post, from any
// site), and each submission becomes a conversation with the submitter as contact.

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({ INBOX_DOMAIN: 'inbox.test' });
});
afterAll(() => api.close());

const contactForm = {
  name: 'Contact us',
  fields: [
    { name: 'name', label: 'Your name', type: 'text', required: false },
    { name: 'email', label: 'Your email', type: 'email', required: true },
    { name: 'topic', label: 'Topic', type: 'select', required: true, options: ['Billing', 'Shipping'] },
    { name: 'message', label: 'Message', type: 'textarea', required: true },
  ],
};
const valid = { name: 'Carla Customer', email: 'Carla@Example.com', topic: 'Shipping', message: 'Where is my parcel?\nOrder 77.' };

let ips = 0;
/** Each test submits from its own address (the API trusts X-Forwarded-For from loopback), so rate limits stay apart. */
const newIp = () => `203.0.113.${(ips += 1)}`;

async function withForm() {
  const owner = await signUp(api);
  const created = await owner.agent.post('/api/forms').send(contactForm);
  expect(created.status).toBe(201);
  return { ...owner, formId: created.body.id as string };
}

describe('admins define forms', () => {
  it('creates, lists, reads and edits a form', async () => {
    const { agent, formId } = await withForm();
    expect((await agent.get('/api/forms')).body.items).toEqual([expect.objectContaining({ id: formId, name: 'Contact us', submissions: 0 })]);
    const changed = await agent.patch(`/api/forms/${formId}`).send({ name: 'Support request' });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ name: 'Support request', fields: contactForm.fields });
    expect((await agent.get(`/api/forms/${formId}`)).body.name).toBe('Support request');
  });

  it('refuses a form that cannot open tickets, naming the field', async () => {
    const { agent, formId } = await withForm();
    const noEmail = await agent.post('/api/forms').send({ name: 'x', fields: [{ name: 'message', label: 'Message', type: 'textarea', required: true }] });
    expect(noEmail.status).toBe(422);
    expect(noEmail.body).toMatchObject({ field: 'fields', message: expect.stringContaining('exactly one email field') });
    const badType = await agent.post('/api/forms').send({ name: 'x', fields: [{ name: 'email', label: 'Email', type: 'date', required: true }] });
    expect(badType.status).toBe(422);
    expect(badType.body.field).toBe('fields.0.type');
    const optionalEmail = await agent.patch(`/api/forms/${formId}`).send({ fields: [{ ...contactForm.fields[1], required: false }] });
    expect(optionalEmail.status).toBe(422);
    expect(optionalEmail.body.field).toBe('fields.0.required');
  });

  it("answers 404 for another account's form", async () => {
    const { formId } = await withForm();
    const stranger = await signUp(api);
    expect((await stranger.agent.get(`/api/forms/${formId}`)).status).toBe(404);
    expect((await stranger.agent.patch(`/api/forms/${formId}`).send({ name: 'Mine' })).status).toBe(404);
    expect((await stranger.agent.get('/api/forms')).body.items).toEqual([]);
  });
});

describe('a submission', () => {
  it('opens a form conversation with the fields as its first message, and the contact shows "form submitted"', async () => {
    const { agent, formId } = await withForm();
    const answer = await api.agent().post(`/api/forms/${formId}/submissions`).set('X-Forwarded-For', newIp()).send(valid);
    expect(answer.status).toBe(201);
    const { conversationId } = answer.body;

    // Visible as soon as the submitter has the answer.
    const { body: list } = await agent.get('/api/conversations');
    expect(list.items).toEqual([expect.objectContaining({ id: conversationId, channel: 'form', subject: 'Contact us', contact: expect.objectContaining({ email: 'carla@example.com' }) })]);
    const thread = (await agent.get(`/api/conversations/${conversationId}`)).body;
    expect(thread.messages).toHaveLength(1);
    expect(thread.messages[0]).toMatchObject({
      direction: 'inbound',
      kind: 'form',
      from: { name: 'Carla Customer', address: 'carla@example.com' },
      text: 'Your name: Carla Customer\nYour email: Carla@Example.com\nTopic: Shipping\nMessage: \n  Where is my parcel?\n  Order 77.',
    });

    const contactId = thread.contact.id;
    const profile = await eventually(async () => (await agent.get(`/api/contacts/${contactId}`)).body, (p) => p.recentActivity?.length === 2);
    expect(profile).toMatchObject({ name: 'Carla Customer', email: 'carla@example.com' });
    expect(profile.recentActivity.map((a: { type: string }) => a.type).sort()).toEqual(['created', 'form_submitted']);
    expect(profile.conversations).toEqual([expect.objectContaining({ id: conversationId, channel: 'form' })]);
    expect((await agent.get(`/api/forms/${formId}`)).body.submissions).toBe(1);
  });

  it('finds the contact a second submission comes from, and opens a second conversation', async () => {
    const { agent, formId } = await withForm();
    const ip = newIp();
    const first = await api.agent().post(`/api/forms/${formId}/submissions`).set('X-Forwarded-For', ip).send(valid);
    const second = await api.agent().post(`/api/forms/${formId}/submissions`).set('X-Forwarded-For', ip).send({ ...valid, email: 'carla@example.com', message: 'Again' });
    expect(second.body.conversationId).not.toBe(first.body.conversationId);
    const contacts = await eventually(async () => (await agent.get('/api/contacts')).body.items, (items: Array<{ id: string }>) => items.length >= 1);
    expect(contacts).toHaveLength(1);
    const profile = await eventually(async () => (await agent.get(`/api/contacts/${contacts[0].id}`)).body, (p) => p.recentActivity.length === 3);
    expect(profile.conversations).toHaveLength(2);
  });

  it('takes a plain HTML form post from another site and redirects the visitor to the thank-you page', async () => {
    const { agent, formId } = await withForm();
    const answer = await api
      .agent()
      .post(`/api/forms/${formId}/submissions`)
      .set('X-Forwarded-For', newIp())
      .set('Origin', 'https://shop.example.com')
      .set('Sec-Fetch-Site', 'cross-site')
      .set('Accept', 'text/html,application/xhtml+xml')
      .type('form')
      .send(new URLSearchParams({ ...valid, _website: '' }).toString());
    expect(answer.status).toBe(303);
    expect(answer.headers.location).toBe(`/f/${formId}?sent=1`);
    expect(answer.headers['access-control-allow-origin']).toBe('*');
    expect((await agent.get('/api/conversations')).body.items).toHaveLength(1);

    const invalid = await api
      .agent()
      .post(`/api/forms/${formId}/submissions`)
      .set('X-Forwarded-For', newIp())
      .set('Accept', 'text/html')
      .type('form')
      .send(new URLSearchParams({ ...valid, email: 'nope' }).toString());
    expect(invalid.status).toBe(303);
    const location = new URL(invalid.headers.location, 'http://x');
    expect(location.searchParams.get('field')).toBe('email');
    expect(location.searchParams.get('error')).toBe('FORMS.FIELD_NOT_EMAIL');
  });

  it('answers JSON to scripts on any site, preflight included', async () => {
    const { formId } = await withForm();
    const preflight = await api
      .agent()
      .options(`/api/forms/${formId}/submissions`)
      .set('Origin', 'https://shop.example.com')
      .set('Access-Control-Request-Method', 'POST')
      .set('Access-Control-Request-Headers', 'content-type');
    expect(preflight.status).toBe(204);
    expect(preflight.headers).toMatchObject({ 'access-control-allow-origin': '*', 'access-control-allow-methods': 'POST, OPTIONS' });
    expect(preflight.headers['access-control-allow-headers']).toMatch(/content-type/i);

    const answer = await api.agent().post(`/api/forms/${formId}/submissions`).set('X-Forwarded-For', newIp()).set('Origin', 'https://shop.example.com').set('Sec-Fetch-Site', 'cross-site').send(valid);
    expect(answer.status).toBe(201);
    expect(answer.headers['access-control-allow-origin']).toBe('*');
    const invalid = await api.agent().post(`/api/forms/${formId}/submissions`).set('X-Forwarded-For', newIp()).set('Origin', 'https://shop.example.com').send({ ...valid, topic: 'Returns' });
    expect(invalid.status).toBe(422);
    expect(invalid.body).toMatchObject({ field: 'topic', message: 'topic must be one of: Billing, Shipping' });
    expect(invalid.headers['access-control-allow-origin']).toBe('*');
  });

  it('keeps the same-site rule for every other route', async () => {
    const { agent, formId } = await withForm();
    const crossSite = await agent.patch(`/api/forms/${formId}`).set('Origin', 'https://evil.example.com').set('Sec-Fetch-Site', 'cross-site').send({ name: 'Hijacked' });
    expect(crossSite.status).toBe(403);
    expect(crossSite.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('answers a filled honeypot like a success and keeps nothing', async () => {
    const { agent, formId } = await withForm();
    const answer = await api.agent().post(`/api/forms/${formId}/submissions`).set('X-Forwarded-For', newIp()).send({ ...valid, _website: 'http://spam.example' });
    expect(answer.status).toBe(201);
    expect(answer.body.conversationId).toEqual(expect.any(String));
    expect((await agent.get(`/api/conversations/${answer.body.conversationId}`)).status).toBe(404);
    expect((await agent.get('/api/conversations')).body.items).toEqual([]);
    expect((await agent.get(`/api/forms/${formId}`)).body.submissions).toBe(0);
  });

  it('names the missing field, and answers 404 for a form that does not exist', async () => {
    const { formId } = await withForm();
    const missing = await api.agent().post(`/api/forms/${formId}/submissions`).set('X-Forwarded-For', newIp()).send({ email: 'c@example.com', topic: 'Billing' });
    expect(missing.status).toBe(422);
    expect(missing.body).toMatchObject({ field: 'message', message: 'message is required (Message)' });
    const unknown = await api.agent().post('/api/forms/00000000-0000-4000-8000-000000000000/submissions').set('X-Forwarded-For', newIp()).send(valid);
    expect(unknown.status).toBe(404);
  });

  it('limits submissions per IP with 429 and Retry-After, other IPs unaffected', async () => {
    const { formId } = await withForm();
    const ip = newIp();
    const statuses: number[] = [];
    for (let i = 0; i < 21; i++) {
      statuses.push((await api.agent().post(`/api/forms/${formId}/submissions`).set('X-Forwarded-For', ip).send({ ...valid, _website: 'bot' })).status);
    }
    expect(statuses.slice(0, 20).every((s) => s === 201)).toBe(true);
    const limited = await api.agent().post(`/api/forms/${formId}/submissions`).set('X-Forwarded-For', ip).send(valid);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(500);
    expect((await api.agent().post(`/api/forms/${formId}/submissions`).set('X-Forwarded-For', newIp()).send(valid)).status).toBe(201);
  });
});

describe("a contact's reply address", () => {
  it('is 409 until the account has a forwarding address, then the plus-address with the contact token', async () => {
    const { agent, formId } = await withForm();
    const { conversationId } = (await api.agent().post(`/api/forms/${formId}/submissions`).set('X-Forwarded-For', newIp()).send(valid)).body;
    const contactId = (await agent.get(`/api/conversations/${conversationId}`)).body.contact.id as string;
    await eventually(async () => (await agent.get(`/api/contacts/${contactId}`)).status, (status) => status === 200);
    const before = await agent.get(`/api/contacts/${contactId}/reply-address`);
    expect(before.status).toBe(409);
    expect(before.body.message).toMatch(/no forwarding address/);
    const { address } = (await agent.post('/api/channels/email/forwarding-address').send({ username: 'help', subdomain: `forms${Date.now().toString(36)}` })).body;
    const after = await agent.get(`/api/contacts/${contactId}/reply-address`);
    expect(after.status).toBe(200);
    // The contact's id names it; a MAC keyed with the server secret makes it impossible to work out.
    const token = contactTokenIn(after.body.address);
    expect(token?.startsWith(unkeyedContactToken(contactId))).toBe(true);
    expect(after.body.address).toBe(plusAddress(address, token as string));
  });
});

