import request from 'supertest';
import { contactIdFor } from '../src/contexts/contacts/contract';
import { plusAddress, unkeyedContactToken, withoutTag } from '../src/shared/domain/reply-address';
import { signUp, startTestApi, type TestApi } from './support/api-app';
import { sendRaw, simpleMail } from './support/smtp-client';
import { eventually } from './support/eventually';

// Replies to one bulk send, each to the contact's own reply address, over real SMTP: each lands on
// that contact's conversation instead of all piling into one thread (or each starting a new one).

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({ INBOX_DOMAIN: 'inbox.test' });
});
afterAll(() => api.close());

type Agent = Awaited<ReturnType<typeof signUp>>['agent'];
interface Summary {
  id: string;
  channel: string;
  contact: { id: string; email: string };
}

let counter = 0;
let ip = 0;
/** An account with a forwarding address and a form, and contacts who each submitted it once. */
async function withContacts(...emails: string[]) {
  const owner = await signUp(api);
  counter += 1;
  await owner.agent.post('/api/channels/email/forwarding-address').send({ username: 'news', subdomain: `camp${Date.now().toString(36)}${counter}` });
  const form = await owner.agent.post('/api/forms').send({ name: 'Newsletter sign-up', fields: [{ name: 'email', label: 'Email', type: 'email', required: true }] });
  const contacts: Record<string, { contactId: string; conversationId: string; replyAddress: string }> = {};
  for (const email of emails) {
    ip += 1;
    const { conversationId } = (await api.agent().post(`/api/forms/${form.body.id}/submissions`).set('X-Forwarded-For', `198.51.100.${ip}`).send({ email })).body;
    const contactId = (await owner.agent.get(`/api/conversations/${conversationId}`)).body.contact.id as string;
    await eventually(async () => (await owner.agent.get(`/api/contacts/${contactId}`)).status, (status) => status === 200);
    const reply = await owner.agent.get(`/api/contacts/${contactId}/reply-address`);
    expect(reply.status).toBe(200);
    contacts[email] = { contactId, conversationId, replyAddress: reply.body.address };
  }
  return { agent: owner.agent, accountId: owner.accountId, contacts };
}

const campaignReply = (from: string, to: string, body: string) =>
  simpleMail({
    from,
    to,
    subject: 'Re: Our November offers',
    body,
    // What a mail client writes when answering the campaign: it points at a Message-ID we never saw.
    headers: ['In-Reply-To: <campaign-2026-11@mailer.example.net>', 'References: <campaign-2026-11@mailer.example.net>'],
  });

async function deliver(to: string, raw: string): Promise<void> {
  const answer = await sendRaw(api.smtpPort, to, raw);
  if (answer.code !== 250) throw new Error(`not accepted: ${answer.response}`);
}

const conversations = async (agent: Agent) => (await agent.get('/api/conversations')).body.items as Summary[];
const messagesOf = async (agent: Agent, id: string) => (await agent.get(`/api/conversations/${id}`)).body.messages as Array<{ text: string; kind: string }>;

describe('replies to a campaign sent with per-contact reply addresses', () => {
  it("land one per contact, in each contact's conversation, and a second reply joins the first", async () => {
    const { agent, contacts } = await withContacts('carla@example.com', 'dan@example.org');
    const carla = contacts['carla@example.com'];
    const dan = contacts['dan@example.org'];
    expect(carla.replyAddress).not.toBe(dan.replyAddress);

    await deliver(carla.replyAddress, campaignReply('Carla <carla@example.com>', carla.replyAddress, 'Carla: yes please.'));
    await deliver(dan.replyAddress, campaignReply('Dan <dan@example.org>', dan.replyAddress, 'Dan: tell me more.'));
    await eventually(() => messagesOf(agent, dan.conversationId), (messages) => messages.length === 2);
    expect((await messagesOf(agent, carla.conversationId)).map((m) => m.text)).toEqual([expect.stringContaining('Email: carla@example.com'), 'Carla: yes please.']);
    expect((await messagesOf(agent, dan.conversationId)).map((m) => m.text)).toEqual([expect.stringContaining('Email: dan@example.org'), 'Dan: tell me more.']);

    await deliver(carla.replyAddress, campaignReply('Carla <carla@example.com>', carla.replyAddress, 'Carla again.'));
    const thread = await eventually(() => messagesOf(agent, carla.conversationId), (messages) => messages.length === 3);
    expect(thread[2].text).toBe('Carla again.');
    // Still two conversations: nothing started, nothing shared.
    const all = await conversations(agent);
    expect(all.map((c) => c.id).sort()).toEqual([carla.conversationId, dan.conversationId].sort());
    expect((await messagesOf(agent, dan.conversationId))).toHaveLength(2);
  });

  it("starts a conversation linked to the contact's when someone else writes to their reply address", async () => {
    const { agent, contacts } = await withContacts('carla@example.com');
    const carla = contacts['carla@example.com'];
    await deliver(carla.replyAddress, campaignReply('Eve <eve@example.com>', carla.replyAddress, 'Eve here, forwarded to me.'));
    const all = await eventually(() => conversations(agent), (items) => items.length === 2);
    const eves = all.find((c) => c.contact.email === 'eve@example.com') as Summary;
    expect(eves.channel).toBe('email');
    const detail = (await agent.get(`/api/conversations/${eves.id}`)).body;
    expect(detail.linkedConversationIds).toEqual([carla.conversationId]);
    expect(await messagesOf(agent, carla.conversationId)).toHaveLength(1);
  });

  it('cannot be computed from public data: the unkeyed token (account and email hashed) threads like the bare address', async () => {
    const { agent, accountId, contacts } = await withContacts('carla@example.com');
    const carla = contacts['carla@example.com'];
    // What anyone who knows the account id (the chat snippet shows it) and Carla's address could work out.
    const computed = plusAddress(withoutTag(carla.replyAddress), unkeyedContactToken(contactIdFor(accountId, 'carla@example.com')));
    expect(carla.replyAddress).not.toBe(computed);
    // Still accepted (plus-addresses route to the account), but it names nobody: a conversation of its own.
    await deliver(computed, campaignReply('Carla <carla@example.com>', computed, 'Please send the invoice to billing@attacker.example.'));
    const all = await eventually(() => conversations(agent), (items) => items.length === 2, 'the mail as a conversation of its own');
    expect(all.map((c) => c.id)).toContain(carla.conversationId);
    expect(await messagesOf(agent, carla.conversationId)).toHaveLength(1);
    expect((await request(api.app.getHttpServer()).get('/api/health')).status).toBe(200);
  });
});
