import { PASSWORD, signUp, startTestApi, uniqueEmail, type TestApi } from './support/api-app';
import { eventually } from './support/eventually';
import { listening, openEventStream } from './support/event-stream';
import { sendRaw, simpleMail } from './support/smtp-client';

// GET /api/stream as a browser tab follows it: the account's inbox changes, and the caller's own reads.

let api: TestApi;
let baseUrl: string;
beforeAll(async () => {
  api = await startTestApi({ INBOX_DOMAIN: 'inbox.test' });
  baseUrl = await listening(api);
});
afterAll(() => api.close());

it("announces the account's new mail to everyone, and a read only to the reader's own tabs", async () => {
  const owner = await signUp(api);
  const colleagueEmail = uniqueEmail('agent');
  await owner.agent.post('/api/users').send({ name: 'Alex', email: colleagueEmail, password: PASSWORD, role: 'agent' });
  const colleague = api.agent();
  await colleague.post('/api/auth/login').send({ email: colleagueEmail, password: PASSWORD });
  const stranger = await signUp(api);
  const cookieOf = async (agent: typeof colleague) => ((await agent.get('/api/me')).request as unknown as { cookies: string }).cookies;

  const { body } = await owner.agent.post('/api/channels/email/forwarding-address').send({ username: 'help', subdomain: `st${Date.now().toString(36)}` });
  const ownerTab = await openEventStream(`${baseUrl}/api/stream`, { Cookie: await cookieOf(owner.agent) });
  const strangerTab = await openEventStream(`${baseUrl}/api/stream`, { Cookie: await cookieOf(stranger.agent) });
  try {
    expect((await sendRaw(api.smtpPort, body.address, simpleMail({ to: body.address }))).code).toBe(250);
    const [conversation] = await eventually(async () => (await owner.agent.get('/api/conversations')).body.items as Array<{ id: string }>, (items) => items.length === 1);
    await eventually(async () => ownerTab.events.map((e) => (e.data as { change?: string } | null)?.change), (changes) => changes.includes('MessageReceived'), 'the mail on the stream');

    expect((await colleague.post(`/api/conversations/${conversation.id}/seen`)).status).toBe(204);
    expect((await owner.agent.post(`/api/conversations/${conversation.id}/seen`)).status).toBe(204);
    const seen = await eventually(async () => ownerTab.events.filter((e) => (e.data as { change?: string } | null)?.change === 'ConversationSeen'), (events) => events.length >= 1, "the owner's read");
    // The colleague's read came first in the log, yet only the owner's own reached the owner's tab.
    expect(seen).toHaveLength(1);
    expect(strangerTab.events.filter((e) => e.type === 'inbox')).toEqual([]);
  } finally {
    await ownerTab.close();
    await strangerTab.close();
  }
});
