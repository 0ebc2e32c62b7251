import request from 'supertest';
import { startApp, type RunningApp } from './support/app-process';
import { PASSWORD, uniqueEmail } from './support/api-app';
import { CaptureRelay } from './support/capture-relay';
import { eventually } from './support/eventually';
import { sendRaw, simpleMail } from './support/smtp-client';
import { makeTempDir } from './support/temp-dir';

// Undo send across a SIGKILL: the window and the undo survive the restart, the outbox never sends
// the undone reply, and the reply nobody undid goes out once its window ends, exactly once.

interface Reply {
  id: string;
  deliveryStatus: string | null;
  sentAt: string;
}

it('keeps the undo window through a SIGKILL: the undone reply is never sent, the other is sent once after its sendsAt', async () => {
  const data = makeTempDir('inbox-undo-crash-');
  const relay = await CaptureRelay.start();
  const env = { DATA_DIR: data.path, INBOX_DOMAIN: 'inbox.test', OUTBOUND_SMTP_URL: relay.url };
  let app: RunningApp | null = await startApp(env);
  try {
    const email = uniqueEmail('owner');
    const first = request.agent(app.baseUrl);
    expect((await first.post('/api/accounts').send({ accountName: 'Acme', ownerName: 'Anna', email, password: PASSWORD, plan: 'trial' })).status).toBe(201);
    const { address } = (await first.post('/api/channels/email/forwarding-address').send({ username: 'support', subdomain: `kill${Date.now().toString(36)}` })).body;
    const smtpPort = Number(/SMTP on port (\d+)/.exec(app.output())?.[1]);
    expect((await sendRaw(smtpPort, address, simpleMail({ from: 'Carla <carla@example.com>', to: address, subject: 'Where is my parcel?' }))).code).toBe(250);
    const [conversation] = await eventually(async () => (await first.get('/api/conversations')).body.items as Array<{ id: string }>, (items) => items.length === 1, 'the conversation');
    const replies = `/api/conversations/${conversation.id}/replies`;

    // One reply to take back after the restart (a long window), one to go out after a short one.
    expect((await first.patch('/api/account').send({ undoSendSeconds: 60 })).status).toBe(200);
    const toUndo = (await first.post(replies).send({ text: 'Sent to the wrong person.' })).body as { messageId: string; sendsAt: string };
    expect((await first.patch('/api/account').send({ undoSendSeconds: 3 })).status).toBe(200);
    const toSend = (await first.post(replies).send({ text: 'Your parcel is on its way.' })).body as { messageId: string; sendsAt: string };
    expect(new Date(toSend.sendsAt).getTime()).toBeGreaterThan(Date.now());
    app.child.kill('SIGKILL');
    await app.stop('SIGKILL');
    app = null;
    expect(relay.received).toHaveLength(0);

    app = await startApp(env);
    const second = request.agent(app.baseUrl);
    expect((await second.post('/api/auth/login').send({ email, password: PASSWORD })).status).toBe(200);
    const undone = await second.post(`/api/conversations/${conversation.id}/messages/${toUndo.messageId}/undo`);
    expect(undone.status).toBe(200);
    expect(undone.body.text).toBe('Sent to the wrong person.');

    const thread = async () => (await second.get(`/api/conversations/${conversation.id}`)).body as { messages: Reply[] };
    const sent = await eventually(thread, (t) => t.messages.some((m) => m.id === toSend.messageId && m.deliveryStatus === 'sent'), 'the reply nobody undid', 30_000);
    const delivered = relay.received.filter((mail) => mail.parsed.text?.includes('Your parcel is on its way.'));
    expect(delivered).toHaveLength(1);
    const deliveredAt = sent.messages.find((m) => m.id === toSend.messageId)?.sentAt as string;
    expect(new Date(deliveredAt).getTime()).toBeGreaterThanOrEqual(new Date(toSend.sendsAt).getTime());
    expect(sent.messages.some((m) => m.id === toUndo.messageId)).toBe(false);
    expect(relay.received.some((mail) => mail.raw.includes('Sent to the wrong person.'))).toBe(false);
    expect((await second.get('/api/health')).status).toBe(200);
  } finally {
    await app?.stop('SIGTERM');
    await relay.close();
    data.cleanup();
  }
});
