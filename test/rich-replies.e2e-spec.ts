import { randomUUID } from 'node:crypto';
import { markerFor, replyTokenFor } from '../src/shared/domain/reply-address';
import { PASSWORD, signUp, startTestApi, uniqueEmail, type TestApi } from './support/api-app';
import { CaptureRelay } from './support/capture-relay';
import { eventually } from './support/eventually';
import { sendRaw, simpleMail } from './support/smtp-client';

// Formatted replies and the plain-text-only channel setting, through HTTP to a real SMTP relay on loopback.

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

async function accountWithConversation(): Promise<Owner & { conversationId: string }> {
  const owner = await signUp(api, { ownerName: 'Anna Owner' });
  counter += 1;
  const claimed = await owner.agent.post('/api/channels/email/forwarding-address').send({ username: 'support', subdomain: `rt${Date.now().toString(36)}${counter}` });
  const address = claimed.body.address as string;
  const raw = simpleMail({ to: address, from: 'Carla Customer <carla@example.com>', subject: 'Broken zipper', messageId: `<ask.${randomUUID()}@mail.example.com>` });
  expect((await sendRaw(api.smtpPort, address, raw)).code).toBe(250);
  const items = await eventually(async () => (await owner.agent.get('/api/conversations')).body.items as Array<{ id: string }>, (list) => list.length === 1, 'the first mail');
  return { ...owner, conversationId: items[0].id };
}

async function userWithRole(owner: Owner, role: 'admin' | 'agent') {
  const email = uniqueEmail(role);
  await owner.agent.post('/api/users').send({ name: `${role} person`, email, password: PASSWORD, role });
  const agent = api.agent();
  await agent.post('/api/auth/login').send({ email, password: PASSWORD });
  return agent;
}

const thread = async (agent: Agent, id: string) => (await agent.get(`/api/conversations/${id}`)).body;

/** Sends a reply and waits for the relay to have it; answers the mail and the reply as the thread shows it. */
async function sendAndCapture(agent: Agent, conversationId: string, body: Record<string, unknown>) {
  const sent = await agent.post(`/api/conversations/${conversationId}/replies`).send(body);
  expect(sent.status).toBe(202);
  const reply = await eventually(
    async () => ((await thread(agent, conversationId)).messages as Array<{ id: string; deliveryStatus: string; internetMessageId: string; html: string | null; text: string }>).find((m) => m.id === sent.body.messageId),
    (m) => m?.deliveryStatus === 'sent',
    'delivery',
  );
  const mail = await eventually(async () => relay.received.find((m) => m.parsed.messageId === reply?.internetMessageId), (m) => m !== undefined, 'the relay to have it');
  return { reply: reply as NonNullable<typeof reply>, mail: mail as NonNullable<typeof mail> };
}

const FORMATTED = 'Hi Carla,\n\nthe **new zipper** ships today. See [our repair guide](https://example.com/guide?size=m&color=red).\n\n- order number 4711\n- *two* working days\n\n<script>alert(1)</script>';

describe('formatted replies', () => {
  it('arrive with the marks formatted in the HTML part and a readable text part, and the thread shows them formatted', async () => {
    const { agent, conversationId } = await accountWithConversation();
    const { reply, mail } = await sendAndCapture(agent, conversationId, { text: FORMATTED });

    const html = mail.parsed.html as string;
    expect(html).toContain('<strong>new zipper</strong>');
    expect(html).toContain('<a href="https://example.com/guide?size=m&amp;color=red">our repair guide</a>');
    expect(html).toMatch(/<ul[^>]*><li>order number 4711<\/li><li><em>two<\/em> working days<\/li><\/ul>/);
    expect(html).toContain('&lt;script&gt;');
    expect(html).not.toContain('<script');
    expect(html).toContain(markerFor(replyTokenFor(conversationId)));

    const text = mail.parsed.text as string;
    expect(text).toContain('the new zipper ships today. See our repair guide <https://example.com/guide?size=m&color=red>.');
    expect(text).toContain('- order number 4711\n- two working days');
    expect(text).not.toContain('**');
    expect(text).toContain(markerFor(replyTokenFor(conversationId)));

    // The thread shows the message as the contact got it.
    expect(reply.text).toBe(text.slice(0, text.indexOf(`\n\n${markerFor(replyTokenFor(conversationId))}`)));
    expect(reply.html).toContain('<strong>new zipper</strong>');
    expect(reply.html).not.toContain('<script');
    expect((await api.agent().get('/api/health')).status).toBe(200);
  });

  it('keeps an API client’s own HTML (sanitized) over the formatted text', async () => {
    const { agent, conversationId } = await accountWithConversation();
    const { mail } = await sendAndCapture(agent, conversationId, { text: '**Bold**', html: '<p>Own <i>markup</i><img src=x onerror=alert(1)></p>' });
    expect(mail.parsed.html).toContain('Own <i>markup</i>');
    expect(mail.parsed.html).not.toMatch(/onerror|<strong>/);
  });
});

describe('undo send', () => {
  it('gives the reply back with its marks, as the agent typed it', async () => {
    const { agent, conversationId } = await accountWithConversation();
    expect((await agent.patch('/api/account').send({ undoSendSeconds: 30 })).status).toBe(200);
    const sent = await agent.post(`/api/conversations/${conversationId}/replies`).send({ text: FORMATTED });
    expect(sent.status).toBe(202);
    const undone = await agent.post(`/api/conversations/${conversationId}/messages/${sent.body.messageId}/undo`);
    expect(undone.status).toBe(200);
    expect(undone.body.text).toBe(FORMATTED);
    expect((await thread(agent, conversationId)).draft.text).toBe(FORMATTED);
  });
});

describe('the plain text only setting', () => {
  it('is the primary admin’s: another admin is refused; GET /api/channels and the composer show it', async () => {
    const { agent, conversationId, ...owner } = await accountWithConversation();
    const admin = await userWithRole({ agent, ...owner }, 'admin');
    expect((await admin.patch('/api/channels/email').send({ plainTextOnly: true })).status).toBe(403);
    expect((await agent.get('/api/channels')).body.email.plainTextOnly).toBe(false);

    const bad = await agent.patch('/api/channels/email').send({ plainTextOnly: 'yes' });
    expect(bad.status).toBe(422);
    expect(JSON.stringify(bad.body)).toContain('plainTextOnly must be true or false');

    const changed = await agent.patch('/api/channels/email').send({ plainTextOnly: true });
    expect(changed.status).toBe(200);
    expect(changed.body.email.plainTextOnly).toBe(true);
    expect((await agent.get('/api/channels')).body.email.plainTextOnly).toBe(true);
    expect((await thread(agent, conversationId)).composer.plainTextOnly).toBe(true);
  });

  it('sends replies with no HTML part at all, the marks written out as text, the marker in the text', async () => {
    const { agent, conversationId } = await accountWithConversation();
    expect((await agent.patch('/api/channels/email').send({ plainTextOnly: true })).status).toBe(200);
    const { reply, mail } = await sendAndCapture(agent, conversationId, { text: FORMATTED, html: '<p>HTML from a client</p>' });

    expect(mail.parsed.html).toBe(false);
    expect(mail.raw).not.toMatch(/text\/html/i);
    expect(mail.raw).toMatch(/^Content-Type: text\/plain/im);
    const text = mail.parsed.text as string;
    expect(text).toContain('the new zipper ships today. See our repair guide <https://example.com/guide?size=m&color=red>.');
    expect(text).toContain('<script>alert(1)</script>');
    expect(text).toContain(markerFor(replyTokenFor(conversationId)));
    expect(reply.html).toBeFalsy();
    expect(reply.text).toContain('See our repair guide <https://example.com/guide?size=m&color=red>.');

    // Switched off again, replies are formatted again.
    expect((await agent.patch('/api/channels/email').send({ plainTextOnly: false })).status).toBe(200);
    const again = await sendAndCapture(agent, conversationId, { text: 'Now **bold** again' });
    expect(again.mail.parsed.html).toContain('<strong>bold</strong>');
  });

  it('is in the configuration history, with who changed it, and the chain stays intact', async () => {
    const { agent, userId } = await accountWithConversation();
    await agent.patch('/api/channels/email').send({ plainTextOnly: true });
    const audit = (await agent.get('/api/audit/channel-configuration')).body;
    const change = (audit.events as Array<{ type: string; data: Record<string, unknown>; actor: unknown }>).find((e) => e.type === 'PlainTextOnlyChanged');
    expect(change).toMatchObject({ data: { plainTextOnly: true }, actor: { userId, role: 'primary_admin' } });
    expect(audit.state.email.plainTextOnly).toBe(true);
    expect(audit.chain.intact).toBe(true);
  });
});
