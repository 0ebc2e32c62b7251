import request from 'supertest';
import { PASSWORD, signUp, startTestApi, uniqueEmail, type TestApi } from './support/api-app';
import { startApp, type RunningApp } from './support/app-process';
import { CaptureRelay, type CapturedMail } from './support/capture-relay';
import { eventually } from './support/eventually';
import { sendRaw, simpleMail } from './support/smtp-client';
import { makeTempDir } from './support/temp-dir';

// Notifications by email through HTTP and a real relay: a mention, an assignment by someone else and
// a reply that failed for good each mail the user once, in their language, unless they turned it off;
// an outage delays them, a restart sends none again.

const PUBLIC_URL = 'https://help.acme.test';
type Agent = ReturnType<typeof request.agent>;
let counter = 0;

/** A conversation from Carla's mail in the account of `anna` (its owner, English). */
async function conversationOf(anna: { agent: Agent }, smtpPort: number) {
  await eventually(async () => (await anna.agent.get('/api/me')).status, (status) => status === 200, 'the new session');
  counter += 1;
  const { body } = await anna.agent.post('/api/channels/email/forwarding-address').send({ username: 'help', subdomain: `en${Date.now().toString(36)}${counter}` });
  expect((await sendRaw(smtpPort, body.address, simpleMail({ to: body.address, subject: 'Broken zipper', body: 'My zipper broke after a day.' }))).code).toBe(250);
  const [conversation] = await eventually(async () => (await anna.agent.get('/api/conversations')).body.items as Array<{ id: string }>, (items) => items?.length === 1, 'the mail');
  return conversation.id;
}

async function account(api: TestApi) {
  const anna = await signUp(api, { ownerName: 'Anna Owner' });
  return { anna, conversationId: await conversationOf(anna, api.smtpPort) };
}

async function member(owner: Agent, newAgent: () => Agent, name: string): Promise<{ agent: Agent; userId: string; email: string }> {
  const email = uniqueEmail(name.split(' ')[0].toLowerCase());
  const created = await owner.post('/api/users').send({ name, email, password: PASSWORD, role: 'agent' });
  expect(created.status).toBe(201);
  const agent = newAgent();
  expect((await agent.post('/api/auth/login').send({ email, password: PASSWORD })).status).toBe(200);
  return { agent, userId: created.body.userId as string, email };
}

const mailsTo = (relay: CaptureRelay, address: string) => relay.received.filter((mail) => mail.envelope.to.includes(address));

async function mailTo(relay: CaptureRelay, address: string, subject: RegExp): Promise<CapturedMail> {
  const [mail] = await eventually(
    async () => mailsTo(relay, address).filter((m) => subject.test(m.parsed.subject ?? '')),
    (found) => found.length >= 1,
    `a mail to ${address} about ${subject}`,
  );
  return mail;
}

describe('notifications by email', () => {
  let api: TestApi;
  let relay: CaptureRelay;
  beforeAll(async () => {
    relay = await CaptureRelay.start();
    api = await startTestApi({ INBOX_DOMAIN: 'inbox.test', OUTBOUND_SMTP_URL: relay.url, PUBLIC_URL });
  });
  afterAll(async () => {
    await api.close();
    await relay.close();
  });

  it('shows the preferences on /api/me, on by default, and changes only the kinds named', async () => {
    const { agent } = await signUp(api);
    await eventually(async () => (await agent.get('/api/me')).status, (status) => status === 200, 'the new session');
    expect((await agent.get('/api/me')).body.notifications).toEqual({ mention: true, assignment: true, replyFailed: true });
    const changed = await agent.patch('/api/me').send({ notifications: { assignment: false } });
    expect(changed.status).toBe(200);
    expect(changed.body.notifications).toEqual({ mention: true, assignment: false, replyFailed: true });
    expect((await agent.get('/api/me')).body.notifications).toEqual({ mention: true, assignment: false, replyFailed: true });
    const wrong = await agent.patch('/api/me').send({ notifications: { mention: 'yes' } });
    expect(wrong.status).toBe(422);
    expect(wrong.body.message).toMatch(/^notifications\.mention must be a boolean/);
    const unknown = await agent.patch('/api/me').send({ notifications: { digest: true } });
    expect(unknown.status).toBe(422);
    expect(unknown.body.message).toMatch(/digest/);
  });

  it('mails a mention to the mentioned user in German when they chose German, and nothing to one who turned mentions off', async () => {
    const { anna, conversationId } = await account(api);
    const ben = await member(anna.agent, api.agent, 'Ben Agent');
    const cleo = await member(anna.agent, api.agent, 'Cleo Quiet');
    expect((await ben.agent.patch('/api/me').send({ language: 'de' })).status).toBe(200);
    expect((await cleo.agent.patch('/api/me').send({ notifications: { mention: false } })).status).toBe(200);

    const note = await anna.agent.post(`/api/conversations/${conversationId}/notes`).send({ text: `@[Ben](${ben.userId}) @[Cleo](${cleo.userId}) bitte prüfen: <b>not HTML</b>` });
    expect(note.status).toBe(201);

    const mail = await mailTo(relay, ben.email, /erwähnt/);
    expect(mail.parsed.subject).toBe('Anna Owner hat Sie erwähnt: Broken zipper');
    expect(mail.parsed.text).toContain('Anna Owner hat Sie in einer Notiz zum Gespräch “Broken zipper” (Carla Customer <carla@example.com>) erwähnt:');
    expect(mail.parsed.text).toContain('> @Ben Agent @Cleo Quiet bitte prüfen: <b>not HTML</b>');
    expect(mail.parsed.text).toContain(`${PUBLIC_URL}/inbox/${conversationId}`);
    expect(mail.parsed.html).toBeFalsy();

    // Cleo still gets what she wants (an assignment by Anna): once it is here, her mention would be too.
    expect((await anna.agent.post(`/api/conversations/${conversationId}/assign`).send({ userId: cleo.userId })).status).toBeLessThan(300);
    const assigned = await mailTo(relay, cleo.email, /Assigned to you/);
    expect(assigned.parsed.subject).toBe('Assigned to you: Broken zipper');
    expect(assigned.parsed.text).toContain('Anna Owner assigned you the conversation “Broken zipper” (Carla Customer <carla@example.com>).');
    expect(assigned.parsed.text).toContain('> My zipper broke after a day.');
    expect(mailsTo(relay, cleo.email)).toHaveLength(1);
    expect(mailsTo(relay, ben.email)).toHaveLength(1);
    expect((await api.http.get('/api/health')).status).toBe(200);
  });

  it('mails an assignment by someone else, never one the assignee made themselves', async () => {
    const { anna, conversationId } = await account(api);
    const ben = await member(anna.agent, api.agent, 'Ben Agent');
    expect((await ben.agent.post(`/api/conversations/${conversationId}/assign`).send({ userId: ben.userId })).status).toBeLessThan(300);
    expect((await ben.agent.post(`/api/conversations/${conversationId}/assign`).send({ userId: null })).status).toBeLessThan(300);
    expect((await anna.agent.post(`/api/conversations/${conversationId}/assign`).send({ userId: ben.userId })).status).toBeLessThan(300);
    const mail = await mailTo(relay, ben.email, /Assigned to you/);
    expect(mail.parsed.text).toContain(`${PUBLIC_URL}/inbox/${conversationId}`);
    // The assignment by Anna came after Ben's own: had his own mailed him, it would be here as well.
    expect(mailsTo(relay, ben.email)).toHaveLength(1);
  });

  it("mails a reply's author when the relay refuses it for good", async () => {
    const { anna, conversationId } = await account(api);
    const ben = await member(anna.agent, api.agent, 'Ben Agent');
    relay.refused.add('carla@example.com');
    const sent = await ben.agent.post(`/api/conversations/${conversationId}/replies`).send({ text: 'We will send a new zipper.' });
    expect(sent.status).toBe(202);
    const mail = await mailTo(relay, ben.email, /could not be delivered/);
    expect(mail.parsed.subject).toBe('Your reply could not be delivered: Broken zipper');
    expect(mail.parsed.text).toMatch(/550/);
    expect(mail.parsed.text).toContain('> We will send a new zipper.');
    expect(mail.parsed.text).toContain(`${PUBLIC_URL}/inbox/${conversationId}`);
    const thread = (await ben.agent.get(`/api/conversations/${conversationId}`)).body.messages as Array<{ id: string; deliveryStatus: string | null }>;
    expect(thread.find((m) => m.id === sent.body.messageId)?.deliveryStatus).toBe('failed');
  });
});

it('delays notifications while the relay is down, delivers them once it is back, and sends none again after a restart', async () => {
  const data = makeTempDir('inbox-notify-');
  const port = await CaptureRelay.freePort();
  const env = { DATA_DIR: data.path, INBOX_DOMAIN: 'inbox.test', OUTBOUND_SMTP_URL: `smtp://127.0.0.1:${port}`, PUBLIC_URL };
  const relay = new CaptureRelay(port);
  let app: RunningApp | null = await startApp(env);
  try {
    const ownerEmail = uniqueEmail('owner');
    const owner = request.agent(app.baseUrl);
    expect((await owner.post('/api/accounts').send({ accountName: 'Acme', ownerName: 'Anna Owner', email: ownerEmail, password: PASSWORD, plan: 'trial' })).status).toBe(201);
    expect((await owner.patch('/api/account').send({ undoSendSeconds: 0 })).status).toBe(200);
    const smtpPort = Number(/SMTP on port (\d+)/.exec(app.output())?.[1]);
    const baseUrl = app.baseUrl;
    const conversationId = await conversationOf({ agent: owner }, smtpPort);
    const ben = await member(owner, () => request.agent(baseUrl), 'Ben Agent');

    expect((await owner.post(`/api/conversations/${conversationId}/notes`).send({ text: `@[Ben](${ben.userId}) during the outage` })).status).toBe(201);
    expect((await owner.post(`/api/conversations/${conversationId}/assign`).send({ userId: ben.userId })).status).toBeLessThan(300);
    // A reply through the same outbox shows when it has tried and failed to reach the relay.
    const reply = await owner.post(`/api/conversations/${conversationId}/replies`).send({ text: 'On its way.' });
    expect(reply.status).toBe(202);
    await eventually(
      async () => ((await owner.get(`/api/conversations/${conversationId}`)).body.messages as Array<{ id: string; deliveryError: string | null }>).find((m) => m.id === reply.body.messageId),
      (message) => Boolean(message?.deliveryError),
      'a failed attempt during the outage',
    );
    expect(relay.received).toHaveLength(0);

    await relay.listen();
    await mailTo(relay, ben.email, /mentioned you/);
    await mailTo(relay, ben.email, /Assigned to you/);

    await app.stop('SIGKILL');
    app = null;
    app = await startApp(env);
    const again = request.agent(app.baseUrl);
    expect((await again.post('/api/auth/login').send({ email: ownerEmail, password: PASSWORD })).status).toBe(200);
    expect((await again.post(`/api/conversations/${conversationId}/notes`).send({ text: `@[Ben](${ben.userId}) after the restart` })).status).toBe(201);
    await eventually(async () => mailsTo(relay, ben.email).filter((m) => m.parsed.text?.includes('after the restart')), (found) => found.length === 1, 'the mention after the restart');
    // Everything from before the restart has had its chance to go out again before this one: it did not.
    const subjects = mailsTo(relay, ben.email).map((m) => m.parsed.subject).sort();
    expect(subjects).toEqual(['Anna Owner mentioned you: Broken zipper', 'Anna Owner mentioned you: Broken zipper', 'Assigned to you: Broken zipper']);
    expect((await again.get('/api/health')).status).toBe(200);
  } finally {
    await app?.stop('SIGTERM');
    await relay.close();
    data.cleanup();
  }
});
