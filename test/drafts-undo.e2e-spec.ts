import { randomUUID } from 'node:crypto';
import { PASSWORD, setUndoSendSeconds, signUp, startTestApi, uniqueEmail, type TestApi } from './support/api-app';
import { CaptureRelay } from './support/capture-relay';
import { eventually } from './support/eventually';
import { sendRaw, simpleMail } from './support/smtp-client';

// Drafts saved per user and conversation, and undo send: the account's delay before the outbox
// takes a reply, during which its author can take it back. Mail goes to a real relay on loopback.

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
interface ThreadMessage {
  id: string;
  direction: string;
  text: string;
  deliveryStatus: string | null;
  sendsAt: string | null;
  internetMessageId: string | null;
}

let counter = 0;
/** An account (with the given undo send delay) with one conversation, and an agent colleague. */
async function accountWithConversation(undoSendSeconds: number) {
  const owner = await signUp(api, { ownerName: 'Anna Owner', undoSendSeconds });
  counter += 1;
  const claimed = await owner.agent.post('/api/channels/email/forwarding-address').send({ username: 'support', subdomain: `undo${Date.now().toString(36)}${counter}` });
  const address = claimed.body.address as string;
  const raw = simpleMail({ to: address, from: 'Carla Customer <carla@example.com>', subject: 'Broken zipper', messageId: `<ask.${randomUUID()}@mail.example.com>` });
  expect((await sendRaw(api.smtpPort, address, raw)).code).toBe(250);
  const items = await eventually(async () => (await owner.agent.get('/api/conversations')).body.items as Array<{ id: string }>, (list) => list.length === 1, 'the first mail');
  const email = uniqueEmail('colleague');
  const created = await owner.agent.post('/api/users').send({ name: 'Ben Colleague', email, password: PASSWORD, role: 'agent' });
  const colleague = api.agent();
  expect((await colleague.post('/api/auth/login').send({ email, password: PASSWORD })).status).toBe(200);
  return { ...owner, conversationId: items[0].id, colleague, colleagueId: created.body.userId as string };
}

const thread = async (agent: Agent, id: string) => (await agent.get(`/api/conversations/${id}`)).body;
const messageOf = async (agent: Agent, conversationId: string, messageId: string) =>
  ((await thread(agent, conversationId)).messages as ThreadMessage[]).find((m) => m.id === messageId);
const relayed = (internetMessageId: string | null) => relay.received.filter((mail) => mail.parsed.messageId === internetMessageId);

describe('the undo send setting of the account', () => {
  it('is 10 seconds for a new account; the primary admin sets 0 to 60, and anything else is refused naming the field', async () => {
    const { agent } = await signUp(api, { undoSendSeconds: null });
    const account = await eventually(async () => agent.get('/api/account'), (response) => response.status !== 401, 'the new session to be readable');
    expect(account.body.undoSendSeconds).toBe(10);
    const changed = await agent.patch('/api/account').send({ undoSendSeconds: 30 });
    expect(changed.status).toBe(200);
    expect(changed.body.undoSendSeconds).toBe(30);
    for (const wrong of [61, -1, 1.5, '5']) {
      const refused = await agent.patch('/api/account').send({ undoSendSeconds: wrong });
      expect(refused.status).toBe(422);
      expect(refused.body.message).toMatch(/^undoSendSeconds must be a whole number from 0 to 60/);
    }
    expect((await agent.get('/api/account')).body.undoSendSeconds).toBe(30);
  });
});

describe('drafts', () => {
  it("keeps the caller's draft for the thread to restore, tells colleagues who has one (never the text), and discards it", async () => {
    const { agent, conversationId, colleague, userId } = await accountWithConversation(0);
    const saved = await agent.put(`/api/conversations/${conversationId}/draft`).send({ text: 'Secret first thoughts', subject: 'About the zipper' });
    expect(saved.status).toBe(200);
    expect(saved.body.draft).toEqual({ text: 'Secret first thoughts', subject: 'About the zipper', savedAt: expect.any(String) });

    const own = await thread(agent, conversationId);
    expect(own.draft).toEqual(saved.body.draft);
    expect(own.colleaguesWithDrafts).toEqual([]);

    const theirs = await colleague.get(`/api/conversations/${conversationId}`);
    expect(theirs.body.draft).toBeNull();
    expect(theirs.body.colleaguesWithDrafts).toEqual([{ userId, name: 'Anna Owner' }]);
    expect(JSON.stringify(theirs.body)).not.toContain('Secret first thoughts');

    const discarded = await agent.delete(`/api/conversations/${conversationId}/draft`);
    expect(discarded.status).toBe(200);
    expect(discarded.body).toEqual({ draft: null });
    expect((await thread(agent, conversationId)).draft).toBeNull();
    expect((await thread(colleague, conversationId)).colleaguesWithDrafts).toEqual([]);
  });

  it('bounds a draft at 50,000 characters and refuses more naming the field', async () => {
    const { agent, conversationId } = await accountWithConversation(0);
    expect((await agent.put(`/api/conversations/${conversationId}/draft`).send({ text: 'x'.repeat(50_000) })).status).toBe(200);
    const refused = await agent.put(`/api/conversations/${conversationId}/draft`).send({ text: 'x'.repeat(50_001) });
    expect(refused.status).toBe(422);
    expect(refused.body.message).toBe('text must be at most 50000 characters');
    expect((await thread(agent, conversationId)).draft.text).toHaveLength(50_000);
  });

  it('is gone once the reply is sent, and never reaches the contact', async () => {
    const { agent, conversationId } = await accountWithConversation(0);
    await agent.put(`/api/conversations/${conversationId}/draft`).send({ text: 'Draft words that stay with us' });
    const sent = await agent.post(`/api/conversations/${conversationId}/replies`).send({ text: 'The reply itself.' });
    expect(sent.status).toBe(202);
    expect((await thread(agent, conversationId)).draft).toBeNull();
    const reply = await eventually(() => messageOf(agent, conversationId, sent.body.messageId), (m) => m?.deliveryStatus === 'sent', 'delivery');
    const [mail] = relayed(reply?.internetMessageId ?? null);
    expect(mail.parsed.text).toContain('The reply itself.');
    expect(relay.received.some((m) => m.raw.includes('Draft words that stay with us'))).toBe(false);
  });

  it('answers 404 for a conversation of another account', async () => {
    const { conversationId } = await accountWithConversation(0);
    const stranger = await signUp(api);
    expect((await stranger.agent.put(`/api/conversations/${conversationId}/draft`).send({ text: 'Hi' })).status).toBe(404);
  });
});

describe('undo send', () => {
  it('holds a reply for the account delay; undone within it, the text comes back, the reply leaves the thread and nothing reaches the relay', async () => {
    const { agent, conversationId } = await accountWithConversation(3);
    const before = Date.now();
    const sent = await agent.post(`/api/conversations/${conversationId}/replies`).send({ text: 'Oops, wrong customer.', subject: 'Your order' });
    expect(sent.status).toBe(202);
    const sendsAt = new Date(sent.body.sendsAt).getTime();
    expect(sendsAt).toBeGreaterThanOrEqual(before + 3_000);
    const pending = await messageOf(agent, conversationId, sent.body.messageId);
    expect(pending).toMatchObject({ deliveryStatus: 'queued', sendsAt: sent.body.sendsAt });

    const undone = await agent.post(`/api/conversations/${conversationId}/messages/${sent.body.messageId}/undo`);
    expect(undone.status).toBe(200);
    expect(undone.body).toEqual({ messageId: sent.body.messageId, text: 'Oops, wrong customer.', subject: 'Your order', forward: false });
    const after = await thread(agent, conversationId);
    expect((after.messages as ThreadMessage[]).some((m) => m.id === sent.body.messageId)).toBe(false);
    expect(after.draft).toMatchObject({ text: 'Oops, wrong customer.', subject: 'Your order' });
    // Undoing again answers the same.
    expect((await agent.post(`/api/conversations/${conversationId}/messages/${sent.body.messageId}/undo`)).status).toBe(200);

    // The positive signal: a later reply, queued after the undone one's window has passed, arrives.
    await eventually(async () => Date.now(), (now) => now > sendsAt + 500, "the undone reply's window to pass");
    await setUndoSendSeconds(agent, 0);
    const later = await agent.post(`/api/conversations/${conversationId}/replies`).send({ text: 'The right answer.' });
    const delivered = await eventually(() => messageOf(agent, conversationId, later.body.messageId), (m) => m?.deliveryStatus === 'sent', 'the later reply');
    expect(relayed(delivered?.internetMessageId ?? null)).toHaveLength(1);
    expect(relayed(pending?.internetMessageId ?? null)).toHaveLength(0);
    expect(relay.received.some((m) => m.raw.includes('Oops, wrong customer.'))).toBe(false);
    expect((await api.http.get('/api/health')).status).toBe(200);
  });

  it('answers 409 once the window has passed and the outbox has taken the reply', async () => {
    const { agent, conversationId } = await accountWithConversation(1);
    const sent = await agent.post(`/api/conversations/${conversationId}/replies`).send({ text: 'Sent for good.' });
    const delivered = await eventually(() => messageOf(agent, conversationId, sent.body.messageId), (m) => m?.deliveryStatus === 'sent', 'delivery after the window');
    const late = await agent.post(`/api/conversations/${conversationId}/messages/${sent.body.messageId}/undo`);
    expect(late.status).toBe(409);
    expect(late.body.message).toMatch(/can no longer be undone/);
    expect(relayed(delivered?.internetMessageId ?? null)).toHaveLength(1);
  });

  it('lets only the author undo; a colleague gets 403 and the reply stays', async () => {
    const { agent, conversationId, colleague } = await accountWithConversation(30);
    const sent = await agent.post(`/api/conversations/${conversationId}/replies`).send({ text: 'Mine to take back.' });
    const refused = await colleague.post(`/api/conversations/${conversationId}/messages/${sent.body.messageId}/undo`);
    expect(refused.status).toBe(403);
    expect(await messageOf(agent, conversationId, sent.body.messageId)).toMatchObject({ deliveryStatus: 'queued' });
    expect((await agent.post(`/api/conversations/${conversationId}/messages/${sent.body.messageId}/undo`)).status).toBe(200);
  });

  it('has no window with a delay of 0: the reply goes out at once and cannot be undone', async () => {
    const { agent, conversationId } = await accountWithConversation(0);
    const before = Date.now();
    const sent = await agent.post(`/api/conversations/${conversationId}/replies`).send({ text: 'Straight out.' });
    expect(new Date(sent.body.sendsAt).getTime()).toBeLessThanOrEqual(Date.now());
    expect(new Date(sent.body.sendsAt).getTime()).toBeGreaterThanOrEqual(before - 1_000);
    expect((await messageOf(agent, conversationId, sent.body.messageId))?.sendsAt).toBeNull();
    expect((await agent.post(`/api/conversations/${conversationId}/messages/${sent.body.messageId}/undo`)).status).toBe(409);
  });
});
