import { makeTempDir } from './support/temp-dir';
import { PASSWORD, signUp, startTestApi, type TestApi } from './support/api-app';
import { eventually } from './support/eventually';
import { waitUntilSettled } from './support/inbox-view';
import { sendRaw } from './support/smtp-client';

// Threading keeps its own directory: a reply finds its conversation however soon after the first
// mail it comes, and after the app restarts, over real SMTP, as agents see it in the inbox.

function mail(address: string, headers: Record<string, string>, body: string): string {
  const lines = Object.entries({ From: 'Carla <carla@example.com>', To: address, 'MIME-Version': '1.0', 'Content-Type': 'text/plain; charset=utf-8', ...headers }).map(
    ([name, value]) => `${name}: ${value}`,
  );
  return [...lines, '', body, ''].join('\r\n');
}

const original = (address: string, id: string) => mail(address, { Subject: 'Order 88', 'Message-ID': `<${id}@mail.example.com>` }, 'Where is my order?');
const reply = (address: string, id: string) =>
  mail(address, { Subject: 'Re: Order 88', 'Message-ID': `<${id}.re@mail.example.com>`, 'In-Reply-To': `<${id}@mail.example.com>` }, 'Any news?');

async function deliver(api: TestApi, address: string, raw: string): Promise<void> {
  const answer = await sendRaw(api.smtpPort, address, raw);
  if (answer.code !== 250) throw new Error(`not accepted: ${answer.response}`);
}

async function claimAddress(owner: Awaited<ReturnType<typeof signUp>>): Promise<string> {
  const { body } = await owner.agent.post('/api/channels/email/forwarding-address').send({ username: 'support', subdomain: `td${Date.now().toString(36)}` });
  return body.address as string;
}

type Agent = ReturnType<TestApi['agent']>;
const inbox = async (agent: Agent) => (await agent.get('/api/conversations')).body.items as Array<{ id: string; subject: string }>;
const messagesOf = async (agent: Agent, id: string) => (await agent.get(`/api/conversations/${id}`)).body.messages as Array<{ internetMessageId: string }>;

/** The inbox settles on one conversation holding both mails, with nothing stuck. */
async function expectOneThread(api: TestApi, agent: Agent, id: string): Promise<void> {
  await eventually(async () => (await inbox(agent)).length, (count) => count >= 1);
  await waitUntilSettled(api);
  const conversations = await inbox(agent);
  expect(conversations).toEqual([expect.objectContaining({ subject: 'Order 88' })]);
  expect((await messagesOf(agent, conversations[0].id)).map((m) => m.internetMessageId)).toEqual([`<${id}@mail.example.com>`, `<${id}.re@mail.example.com>`]);
}

describe('a reply threads by the directory threading keeps', () => {
  it('when it arrives milliseconds after the mail it answers', async () => {
    const api = await startTestApi({ INBOX_DOMAIN: 'inbox.test' });
    try {
      // Given an account with an address
      const owner = await signUp(api);
      const address = await claimAddress(owner);

      // When the reply is sent as soon as the first mail is accepted, before any read model shows it
      await deliver(api, address, original(address, 'burst'));
      await deliver(api, address, reply(address, 'burst'));

      // Then the inbox shows one conversation with both
      await expectOneThread(api, owner.agent, 'burst');
    } finally {
      await api.close();
    }
  });

  it('when the app restarted between the mail and the reply', async () => {
    const dataDir = makeTempDir('inbox-thread-restart-');
    let api = await startTestApi({ DATA_DIR: dataDir.path, INBOX_DOMAIN: 'inbox.test' });
    try {
      // Given a first mail accepted, and the app closed right after
      const owner = await signUp(api);
      const address = await claimAddress(owner);
      await deliver(api, address, original(address, 'restart'));
      await api.close();

      // When a new app on the same data receives the reply
      api = await startTestApi({ DATA_DIR: dataDir.path, INBOX_DOMAIN: 'inbox.test' });
      await deliver(api, address, reply(address, 'restart'));

      // Then the inbox shows one conversation with both
      const agent = api.agent();
      expect((await agent.post('/api/auth/login').send({ email: owner.email, password: PASSWORD })).status).toBe(200);
      await expectOneThread(api, agent, 'restart');
    } finally {
      await api.close();
      dataDir.cleanup();
    }
  });
});
