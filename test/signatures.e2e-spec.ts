import { randomUUID } from 'node:crypto';
import { PASSWORD, signUp, startTestApi, uniqueEmail, type TestApi } from './support/api-app';
import { CaptureRelay } from './support/capture-relay';
import { eventually } from './support/eventually';
import { sendRaw, simpleMail } from './support/smtp-client';

// Agents' and the channel's signatures: saved through HTTP, refused by rule, and in the mail the
// contact gets (text and HTML) as the relay receives it.

let api: TestApi;
let relay: CaptureRelay;
beforeAll(async () => {
  relay = await CaptureRelay.start();
  api = await startTestApi({ INBOX_DOMAIN: 'inbox.test', OUTBOUND_SMTP_URL: relay.url });
});
afterAll(async () => {
  await api.close();
  await relay.close();
});

type Owner = Awaited<ReturnType<typeof signUp>>;
type Agent = Owner['agent'];

let counter = 0;
async function userWithRole(owner: Owner, role: 'admin' | 'agent' | 'auditor', name = `${role} person`) {
  const email = uniqueEmail(role);
  expect((await owner.agent.post('/api/users').send({ name, email, password: PASSWORD, role })).status).toBe(201);
  const agent = api.agent();
  expect((await agent.post('/api/auth/login').send({ email, password: PASSWORD })).status).toBe(200);
  return { agent, email };
}

async function conversationFor(owner: Owner) {
  counter += 1;
  const claimed = await owner.agent.post('/api/channels/email/forwarding-address').send({ username: 'help', subdomain: `sig${Date.now().toString(36)}${counter}` });
  const address = claimed.body.address as string;
  const raw = simpleMail({ to: address, from: 'Carla Customer <carla@example.com>', subject: 'Broken zipper', messageId: `<ask.${randomUUID()}@mail.example.com>` });
  expect((await sendRaw(api.smtpPort, address, raw)).code).toBe(250);
  const items = await eventually(async () => (await owner.agent.get('/api/conversations')).body.items as Array<{ id: string }>, (list) => list.length === 1, 'the first mail');
  return items[0].id;
}

const thread = async (agent: Agent, id: string) => (await agent.get(`/api/conversations/${id}`)).body;

describe('PATCH /api/me {signature}', () => {
  it('keeps the caller’s signature, answers it in GET /api/me, and leaves everyone else’s alone', async () => {
    const owner = await signUp(api);
    const colleague = await userWithRole(owner, 'agent', 'Ben Agent');
    const other = await signUp(api);

    const changed = await colleague.agent.patch('/api/me').send({ signature: 'Ben from Acme\r\n{{agent.email}}\n' });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ name: 'Ben Agent', signature: 'Ben from Acme\n{{agent.email}}' });
    expect((await colleague.agent.get('/api/me')).body.signature).toBe('Ben from Acme\n{{agent.email}}');
    expect((await owner.agent.get('/api/me')).body.signature).toBe('');
    expect((await other.agent.get('/api/me')).body.signature).toBe('');

    expect((await colleague.agent.patch('/api/me').send({ signature: '' })).body.signature).toBe('');
    expect((await colleague.agent.get('/api/me')).body.signature).toBe('');
  });

  it('lets auditors keep one too: it is their own profile', async () => {
    const owner = await signUp(api);
    const auditor = await userWithRole(owner, 'auditor');
    expect((await auditor.agent.patch('/api/me').send({ signature: 'Audit' })).status).toBe(200);
  });

  it('refuses an unknown variable with 422 naming it, too much text, and what is not text', async () => {
    const { agent } = await signUp(api);
    const unknown = await agent.patch('/api/me').send({ signature: 'Call me: {{agent.phone}}' });
    expect(unknown.status).toBe(422);
    expect(unknown.body.message).toMatch(/^signature: unknown variable \{\{agent\.phone\}\}/);
    const long = await agent.patch('/api/me').send({ signature: 'x'.repeat(2001) });
    expect([400, 422]).toContain(long.status);
    expect(JSON.stringify(long.body.message)).toContain('signature must be at most 2000 characters');
    const notText = await agent.patch('/api/me').send({ signature: 42 });
    expect(notText.status).toBe(422);
    expect(JSON.stringify(notText.body.message)).toContain('signature');
    expect((await agent.get('/api/me')).body.signature).toBe('');
  });

  it('needs a session', async () => {
    expect((await api.agent().patch('/api/me').send({ signature: 'x' })).status).toBe(401);
  });
});

describe('PATCH /api/channels/email {signature}', () => {
  it('is the primary admin’s: saved, shown, in the configuration history; admins, agents and auditors get 403', async () => {
    const owner = await signUp(api);
    const changed = await owner.agent.patch('/api/channels/email').send({ signature: 'Acme support\n{{contact.name}}, we are here for you' });
    expect(changed.status).toBe(200);
    expect(changed.body.email.signature).toBe('Acme support\n{{contact.name}}, we are here for you');
    for (const role of ['admin', 'agent', 'auditor'] as const) {
      const { agent } = await userWithRole(owner, role);
      expect((await agent.patch('/api/channels/email').send({ signature: 'Hacked' })).status).toBe(403);
      expect((await agent.get('/api/channels')).body.email.signature).toBe('Acme support\n{{contact.name}}, we are here for you');
    }
    const history = (await owner.agent.get('/api/audit/channel-configuration')).body;
    expect(history.events.at(-1)).toMatchObject({
      type: 'ChannelSignatureChanged',
      actor: { userId: owner.userId, role: 'primary_admin' },
      data: { signature: 'Acme support\n{{contact.name}}, we are here for you' },
    });
    expect(history.state.email.signature).toBe('Acme support\n{{contact.name}}, we are here for you');
    expect(history.chain).toMatchObject({ intact: true });
    expect((await (await signUp(api)).agent.get('/api/channels')).body.email.signature).toBe('');
  });

  it('refuses an unknown variable with 422 naming it', async () => {
    const { agent } = await signUp(api);
    const refused = await agent.patch('/api/channels/email').send({ signature: 'Acme {{company.name}}' });
    expect(refused.status).toBe(422);
    expect(refused.body.message).toMatch(/^signature: unknown variable \{\{company\.name\}\}/);
    expect((await agent.get('/api/channels')).body.email.signature).toBe('');
  });

  it('shows in the settings preview, the saved one or the one being edited', async () => {
    const owner = await signUp(api);
    await owner.agent.patch('/api/me').send({ signature: '{{agent.name}} <{{agent.email}}>' });
    await owner.agent.patch('/api/channels/email').send({ signature: 'Acme support' });
    const templates = { defaultSubject: 'Hello', fromName: '{{agent_name}}' };
    const saved = await owner.agent.post('/api/channels/email/preview').send(templates);
    expect(saved.status).toBe(200);
    expect(saved.body.text).toMatch(/Best regards\n\n-- \nAnna Owner <owner\.[^>]+@example\.com>\n\nAcme support$/);
    expect(saved.body.html).toContain('Anna Owner &lt;owner.');
    const editing = await owner.agent.post('/api/channels/email/preview').send({ ...templates, signature: 'Acme, for {{contact.name}}' });
    expect(editing.body.text).toMatch(/\n\nAcme, for Sam Sample$/);
    expect((await owner.agent.post('/api/channels/email/preview').send({ ...templates, signature: '{{nope}}' })).status).toBe(422);
  });
});

describe('a reply by email', () => {
  it('carries the agent’s then the channel’s signature, variables rendered, in text and HTML; the composer says so', async () => {
    const owner = await signUp(api);
    const conversationId = await conversationFor(owner);
    const ben = await userWithRole(owner, 'agent', 'Ben Agent');
    await ben.agent.patch('/api/me').send({ signature: '{{agent.name}}\n{{agent.email}}' });
    await owner.agent.patch('/api/channels/email').send({ signature: 'Acme & Co, for {{contact.name}} about "{{conversation.subject}}"' });

    const composer = (await thread(ben.agent, conversationId)).composer;
    expect(composer.signatures).toEqual([`Ben Agent\n${ben.email}`, 'Acme & Co, for Carla Customer about "Broken zipper"']);
    expect((await thread(owner.agent, conversationId)).composer.signatures).toEqual(['Acme & Co, for Carla Customer about "Broken zipper"']);

    const sent = await ben.agent.post(`/api/conversations/${conversationId}/replies`).send({ text: 'A new zipper is on its way.' });
    expect(sent.status).toBe(202);
    const reply = await eventually(
      async () => ((await thread(ben.agent, conversationId)).messages as Array<{ id: string; deliveryStatus: string; internetMessageId: string }>).find((m) => m.id === sent.body.messageId),
      (message) => message?.deliveryStatus === 'sent',
      'delivery',
    );
    const [mail] = relay.received.filter((received) => received.parsed.messageId === reply?.internetMessageId);
    expect(mail.parsed.text).toContain(`A new zipper is on its way.\n\n-- \nBen Agent\n${ben.email}\n\nAcme & Co, for Carla Customer about "Broken zipper"`);
    expect(mail.parsed.html).toContain(`-- <br><p style="margin:0 0 12px">Ben Agent<br>${ben.email}</p>`);
    expect(mail.parsed.html).toContain('Acme &amp; Co, for Carla Customer about &quot;Broken zipper&quot;');
    expect(mail.parsed.html).not.toContain('{{');

    // A body the agent wrote in HTML gets the same block below it.
    const rich = await ben.agent.post(`/api/conversations/${conversationId}/replies`).send({ text: 'Second', html: '<p>Second <b>bold</b></p>' });
    const richReply = await eventually(
      async () => ((await thread(ben.agent, conversationId)).messages as Array<{ id: string; deliveryStatus: string; internetMessageId: string }>).find((m) => m.id === rich.body.messageId),
      (message) => message?.deliveryStatus === 'sent',
      'the HTML reply delivered',
    );
    const [richMail] = relay.received.filter((received) => received.parsed.messageId === richReply?.internetMessageId);
    expect(richMail.parsed.html).toMatch(/<b>bold<\/b>.*-- <br><p style="margin:0 0 12px">Ben Agent<br>/s);
    expect(richMail.parsed.text).toContain(`-- \nBen Agent\n${ben.email}`);
    expect((await api.agent().get('/api/health')).status).toBe(200);
  });
});
