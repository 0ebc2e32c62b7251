import { randomUUID } from 'node:crypto';
import { PASSWORD, signUp, startTestApi, type TestApi } from './support/api-app';
import { CaptureRelay } from './support/capture-relay';
import { eventually } from './support/eventually';
import { sendRaw } from './support/smtp-client';

// The subject and the quoted history of email replies, as the customer's mail client receives them
// from a real SMTP relay on loopback (parsed with mailparser), and the channel settings that switch them.

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

type Agent = Awaited<ReturnType<typeof signUp>>['agent'];

let counter = 0;
/** A German account (Berlin time) with its forwarding address, and Carla's mail in it: text and HTML, two AW: deep. */
async function germanAccountWithMail(options: { undoSendSeconds?: number } = {}) {
  counter += 1;
  const owner = await signUp(api, { ownerName: 'Anna Owner', locale: 'de', timeZone: 'Europe/Berlin', undoSendSeconds: options.undoSendSeconds ?? 0 });
  const claimed = await owner.agent.post('/api/channels/email/forwarding-address').send({ username: 'werkstatt', subdomain: `rs${Date.now().toString(36)}${counter}` });
  const address = claimed.body.address as string;
  const raw = [
    'From: Carla Kundin <carla@example.de>',
    `To: ${address}`,
    'Subject: AW: AW: Bremsen quietschen nach Reparatur',
    `Message-ID: <bremsen.${randomUUID()}@example.de>`,
    'Date: Wed, 02 Dec 2026 07:26:00 +0100',
    'MIME-Version: 1.0',
    'Content-Type: multipart/alternative; boundary="b1"',
    '',
    '--b1',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: 8bit',
    '',
    'Guten Tag,',
    '',
    'die Bremsen quietschen immer noch.',
    '--b1',
    'Content-Type: text/html; charset=utf-8',
    'Content-Transfer-Encoding: 8bit',
    '',
    '<p>Guten Tag,</p><p>die Bremsen <b>quietschen</b> immer noch.</p>',
    '--b1--',
    '',
  ].join('\r\n');
  expect((await sendRaw(api.smtpPort, address, raw)).code).toBe(250);
  const items = await eventually(async () => (await owner.agent.get('/api/conversations')).body.items as Array<{ id: string }>, (list) => list.length === 1, 'Carla’s mail');
  return { ...owner, address, conversationId: items[0].id };
}

const thread = async (agent: Agent, id: string) => (await agent.get(`/api/conversations/${id}`)).body;

/** The reply as the relay received it, once the outbox delivered it. */
async function delivered(agent: Agent, conversationId: string, messageId: string) {
  const reply = await eventually(
    async () => ((await thread(agent, conversationId)).messages as Array<{ id: string; deliveryStatus: string; internetMessageId: string; subject: string; text: string; replyText: string }>).find((m) => m.id === messageId),
    (m) => m?.deliveryStatus === 'sent',
    'delivery to the relay',
  );
  const mail = relay.received.find((received) => received.parsed.messageId === reply?.internetMessageId);
  if (!mail || !reply) throw new Error('the reply never reached the relay');
  return { reply, mail: mail.parsed };
}

describe('a reply to a conversation that began with an email', () => {
  it('keeps the customer’s subject as Re: without the AW: chain, and quotes their mail below in German, in text and HTML', async () => {
    const { agent, conversationId } = await germanAccountWithMail();
    expect((await thread(agent, conversationId)).composer.subject).toBe('Re: Bremsen quietschen nach Reparatur');

    const sent = await agent.post(`/api/conversations/${conversationId}/replies`).send({ text: 'Wir schauen uns das morgen an.\n\nAnna' });
    expect(sent.status).toBe(202);
    const { reply, mail } = await delivered(agent, conversationId, sent.body.messageId as string);

    expect(mail.subject).toBe('Re: Bremsen quietschen nach Reparatur');
    expect(reply.subject).toBe('Re: Bremsen quietschen nach Reparatur');
    const text = mail.text ?? '';
    const attribution = 'Am 2. Dez. 2026 um 07:26 schrieb Carla Kundin:';
    expect(text).toContain(`Wir schauen uns das morgen an.\n\nAnna\n\n${attribution}\n> Guten Tag,\n>\n> die Bremsen quietschen immer noch.`);
    const html = mail.html || '';
    expect(html).toContain(attribution);
    expect(html).toMatch(/<blockquote type="cite"[^>]*><p>Guten Tag,<\/p><p>die Bremsen <b>quietschen<\/b> immer noch.<\/p><\/blockquote>/);
    expect(html.indexOf('Wir schauen uns das morgen an.')).toBeLessThan(html.indexOf(attribution));
    // The thread has what was sent, quote and all, and the agent's own words to show with the quote folded.
    expect(reply.text).toContain(attribution);
    expect(reply.replyText).toBe('Wir schauen uns das morgen an.\n\nAnna');
    expect((await api.http.get('/api/health')).status).toBe(200);
  });

  it('quotes below the agent’s own HTML too', async () => {
    const { agent, conversationId } = await germanAccountWithMail();
    const sent = await agent.post(`/api/conversations/${conversationId}/replies`).send({ text: 'Bis morgen.', html: '<p>Bis <i>morgen</i>.</p>' });
    const { mail } = await delivered(agent, conversationId, sent.body.messageId as string);
    const html = mail.html || '';
    expect(html).toMatch(/<p>Bis <i>morgen<\/i>.<\/p>.*Am 2. Dez. 2026 um 07:26 schrieb Carla Kundin:.*<blockquote type="cite"/s);
  });

  it('undo gives back what the agent wrote, without the quote', async () => {
    const { agent, conversationId } = await germanAccountWithMail({ undoSendSeconds: 60 });
    const sent = await agent.post(`/api/conversations/${conversationId}/replies`).send({ text: 'Moment, noch nicht.' });
    const undone = await agent.post(`/api/conversations/${conversationId}/messages/${sent.body.messageId}/undo`);
    expect(undone.status).toBe(200);
    expect(undone.body).toMatchObject({ text: 'Moment, noch nicht.', subject: 'Re: Bremsen quietschen nach Reparatur' });
    expect((await thread(agent, conversationId)).draft).toMatchObject({ text: 'Moment, noch nicht.' });
  });
});

describe('the channel settings replySubject and quoteHistory', () => {
  it('with the default subject and no quote, the reply has the default subject and nothing quoted; each change is in the audit history', async () => {
    const { agent, conversationId, userId } = await germanAccountWithMail();
    expect((await agent.get('/api/channels')).body.email).toMatchObject({ replySubject: 'thread', quoteHistory: true });
    const patched = await agent.patch('/api/channels/email').send({ defaultSubject: 'Ihre Werkstatt meldet sich', replySubject: 'default', quoteHistory: false });
    expect(patched.status).toBe(200);
    expect(patched.body.email).toMatchObject({ replySubject: 'default', quoteHistory: false, defaultSubject: 'Ihre Werkstatt meldet sich' });
    expect((await thread(agent, conversationId)).composer.subject).toBe('Ihre Werkstatt meldet sich');

    const sent = await agent.post(`/api/conversations/${conversationId}/replies`).send({ text: 'Wir melden uns.' });
    const { mail } = await delivered(agent, conversationId, sent.body.messageId as string);
    expect(mail.subject).toBe('Ihre Werkstatt meldet sich');
    expect(mail.text).not.toMatch(/schrieb|quietschen/);
    expect(mail.html || '').not.toMatch(/blockquote|schrieb|quietschen/);

    const audit = (await agent.get('/api/audit/channel-configuration')).body as { events: Array<{ type: string; actor: { userId?: string }; requestId: string; data: Record<string, unknown> }>; state: { email: Record<string, unknown> }; chain: { intact: boolean } };
    const changes = audit.events.filter((event) => event.type === 'ReplySubjectChanged' || event.type === 'QuoteHistoryChanged');
    expect(changes).toEqual([
      expect.objectContaining({ type: 'ReplySubjectChanged', actor: expect.objectContaining({ userId }), data: expect.objectContaining({ replySubject: 'default' }) }),
      expect.objectContaining({ type: 'QuoteHistoryChanged', actor: expect.objectContaining({ userId }), data: expect.objectContaining({ quoteHistory: false }) }),
    ]);
    // One request, one id for both changes.
    expect(changes[0].requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(changes[1].requestId).toBe(changes[0].requestId);
    expect(audit.state.email).toMatchObject({ replySubject: 'default', quoteHistory: false });
    expect(audit.chain.intact).toBe(true);

    // And back: the thread's subject and the quote again.
    await agent.patch('/api/channels/email').send({ replySubject: 'thread', quoteHistory: true });
    expect((await thread(agent, conversationId)).composer.subject).toBe('Re: Bremsen quietschen nach Reparatur');
  });

  it('refuses a value it does not know, naming the field, and only the primary admin may switch them', async () => {
    const { agent } = await germanAccountWithMail();
    const badMode = await agent.patch('/api/channels/email').send({ replySubject: 'original' });
    expect([400, 422]).toContain(badMode.status);
    expect(JSON.stringify(badMode.body.message)).toContain('replySubject must be thread or default');
    const badSwitch = await agent.patch('/api/channels/email').send({ quoteHistory: 'yes' });
    expect([400, 422]).toContain(badSwitch.status);
    expect(JSON.stringify(badSwitch.body.message)).toContain('quoteHistory must be true or false');

    const colleague = { email: `agent.${randomUUID()}@example.com`, password: PASSWORD };
    expect((await agent.post('/api/users').send({ name: 'Ben Agent', role: 'agent', ...colleague })).status).toBe(201);
    const ben = api.agent();
    await ben.post('/api/auth/login').send(colleague);
    expect((await ben.patch('/api/channels/email').send({ quoteHistory: false })).status).toBe(403);
    expect((await agent.get('/api/channels')).body.email).toMatchObject({ replySubject: 'thread', quoteHistory: true });
  });
});

describe('a conversation that began with a form', () => {
  it('gets the default subject, with the submission quoted', async () => {
    const owner = await signUp(api, { ownerName: 'Anna Owner' });
    counter += 1;
    await owner.agent.post('/api/channels/email/forwarding-address').send({ username: 'help', subdomain: `rf${Date.now().toString(36)}${counter}` });
    const form = await owner.agent.post('/api/forms').send({
      name: 'Contact us',
      fields: [
        { name: 'name', label: 'Your name', type: 'text', required: false },
        { name: 'email', label: 'Your email', type: 'email', required: true },
        { name: 'message', label: 'Message', type: 'textarea', required: true },
      ],
    });
    const submitted = await api
      .agent()
      .post(`/api/forms/${form.body.id}/submissions`)
      .set('X-Forwarded-For', `198.51.100.${counter}`)
      .send({ name: 'Fiona Form', email: 'fiona@example.com', message: 'Do you ship to Norway?' });
    expect(submitted.status).toBe(201);
    const conversationId = submitted.body.conversationId as string;
    expect((await thread(owner.agent, conversationId)).composer.subject).toBe('Follow-up from our conversation');

    const sent = await owner.agent.post(`/api/conversations/${conversationId}/replies`).send({ text: 'Yes, we do.' });
    expect(sent.status).toBe(202);
    const { mail } = await delivered(owner.agent, conversationId, sent.body.messageId as string);
    expect(mail.subject).toBe('Follow-up from our conversation');
    expect(mail.text).toMatch(/Yes, we do\.\n\nOn .+, Fiona Form wrote:\n(> .*\n)*> .*Do you ship to Norway\?/);
  });
});
