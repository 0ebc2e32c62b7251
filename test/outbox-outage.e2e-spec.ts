import request from 'supertest';
import { PASSWORD, signUp, startTestApi, uniqueEmail } from './support/api-app';
import { startApp, type RunningApp } from './support/app-process';
import { CaptureRelay } from './support/capture-relay';
import { sendRaw, simpleMail } from './support/smtp-client';
import { makeTempDir } from './support/temp-dir';
import { eventually } from './support/eventually';

// The relay is down while replies are queued: once it is back, each reply arrives exactly once,
// whether the app kept running or was killed and restarted in between.

type Client = ReturnType<typeof request.agent>;
interface Reply {
  id: string;
  internetMessageId: string;
  deliveryStatus: string;
  deliveryError: string | null;
  deliveryAttempts: number;
}

async function conversationWithReplies(agent: Client, smtpPort: number, count: number): Promise<{ conversationId: string; replyIds: string[] }> {
  const { body } = await agent.post('/api/channels/email/forwarding-address').send({ username: 'support', subdomain: `out${Date.now().toString(36)}` });
  expect((await sendRaw(smtpPort, body.address, simpleMail({ to: body.address }))).code).toBe(250);
  const [conversation] = await eventually(async () => (await agent.get('/api/conversations')).body.items as Array<{ id: string }>, (items) => items?.length === 1, 'the first mail');
  const replyIds: string[] = [];
  for (let i = 1; i <= count; i++) {
    const sent = await agent.post(`/api/conversations/${conversation.id}/replies`).send({ text: `Reply ${i}` });
    expect(sent.status).toBe(202);
    replyIds.push(sent.body.messageId as string);
  }
  return { conversationId: conversation.id, replyIds };
}

const repliesOf = async (agent: Client, conversationId: string) =>
  ((await agent.get(`/api/conversations/${conversationId}`)).body.messages as Reply[]).filter((m) => m.deliveryStatus !== null);

async function expectEachDeliveredOnce(relay: CaptureRelay, replies: Reply[]): Promise<void> {
  // One more poll of the outbox after the last delivery: nothing is sent again.
  await new Promise((resolve) => setTimeout(resolve, 1_500));
  const ids = relay.received.map((mail) => mail.parsed.messageId);
  expect(ids.sort()).toEqual(replies.map((r) => r.internetMessageId).sort());
}

it('delivers replies queued during an outage once the relay is back', async () => {
  const port = await CaptureRelay.freePort();
  const api = await startTestApi({ INBOX_DOMAIN: 'inbox.test', OUTBOUND_SMTP_URL: `smtp://127.0.0.1:${port}` });
  const relay = new CaptureRelay(port);
  try {
    const { agent } = await signUp(api);
    const { conversationId } = await conversationWithReplies(agent, api.smtpPort, 3);
    const waiting = await eventually(() => repliesOf(agent, conversationId), (replies) => replies.length === 3 && replies.every((r) => r.deliveryAttempts >= 1 && r.deliveryError !== null), 'the failed attempts');
    for (const reply of waiting) {
      expect(reply.deliveryStatus).toBe('queued');
      expect(reply.deliveryError).toMatch(/ECONNREFUSED/);
    }
    await relay.listen();
    const sent = await eventually(() => repliesOf(agent, conversationId), (replies) => replies.every((r) => r.deliveryStatus === 'sent'), 'delivery after the outage');
    await expectEachDeliveredOnce(relay, sent);
  } finally {
    await api.close();
    await relay.close();
  }
});

it('delivers them exactly once after the app is killed during the outage and restarted', async () => {
  const data = makeTempDir('inbox-outage-');
  const port = await CaptureRelay.freePort();
  const env = { DATA_DIR: data.path, INBOX_DOMAIN: 'inbox.test', OUTBOUND_SMTP_URL: `smtp://127.0.0.1:${port}` };
  const relay = new CaptureRelay(port);
  let app: RunningApp | null = await startApp(env);
  try {
    const email = uniqueEmail('owner');
    const first = request.agent(app.baseUrl);
    expect((await first.post('/api/accounts').send({ accountName: 'Acme', ownerName: 'Anna', email, password: PASSWORD, plan: 'trial' })).status).toBe(201);
    expect((await first.patch('/api/account').send({ undoSendSeconds: 0 })).status).toBe(200);
    const smtpPort = Number(/SMTP on port (\d+)/.exec(app.output())?.[1]);
    const { conversationId } = await conversationWithReplies(first, smtpPort, 3);
    await eventually(() => repliesOf(first, conversationId), (replies) => replies.every((r) => r.deliveryAttempts >= 1 && r.deliveryError !== null), 'the failed attempts');
    await app.stop('SIGKILL');
    app = null;

    await relay.listen();
    app = await startApp(env);
    const second = request.agent(app.baseUrl);
    expect((await second.post('/api/auth/login').send({ email, password: PASSWORD })).status).toBe(200);
    const sent = await eventually(() => repliesOf(second, conversationId), (replies) => replies.length === 3 && replies.every((r) => r.deliveryStatus === 'sent'), 'delivery after the restart');
    await expectEachDeliveredOnce(relay, sent);
  } finally {
    await app?.stop('SIGTERM');
    await relay.close();
    data.cleanup();
  }
});
