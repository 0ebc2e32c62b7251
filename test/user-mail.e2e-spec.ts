import { CommandBus } from '@nestjs/cqrs';
import { QueueUserMail } from '../src/contexts/conversations/contract';
import { ConversationsQueries } from '../src/contexts/conversations/read-models/conversations.queries';
import { userMailStream } from '../src/contexts/conversations/domain/user-mail';
import { EventSourcing } from '../src/shared/application/event-sourcing.service';
import { startTestApi, type TestApi } from './support/api-app';
import { CaptureRelay } from './support/capture-relay';
import { eventually } from './support/eventually';
import { makeTempDir } from './support/temp-dir';

// Mail to the product's own people goes through the replies' outbox: once per key, whatever asks
// again or restarts, and a relay outage delays it without losing it. Other contexts queue it with
// the QueueUserMail command (invitations, password resets, notifications test it through their routes).

const context = { actor: { system: 'test' }, accountId: 'acct-1', correlationId: 'c', causationId: null };
const mail = (key: string, subject = `Mail ${key}`) =>
  new QueueUserMail({ accountId: 'acct-1', key, to: { name: 'Ben Agent', address: 'ben@example.com' }, subject, text: `Hello Ben, ${key}.` }, context);
const bySubject = (relay: CaptureRelay, subject: string) => relay.received.filter((captured) => captured.parsed.subject === subject);

describe('mail to our own people', () => {
  it('goes once per key, from the system sender, across a restart', async () => {
    const relay = await CaptureRelay.start();
    const data = makeTempDir('inbox-user-mail-');
    const env = { DATA_DIR: data.path, OUTBOUND_SMTP_URL: relay.url, INBOX_DOMAIN: 'inbox.test' };
    let api: TestApi | null = await startTestApi(env);
    try {
      const bus = api.app.get(CommandBus);
      const first = await bus.execute(mail('k1'));
      expect(await bus.execute(mail('k1'))).toEqual(first);
      await bus.execute(mail('k2'));
      await relay.waitFor(2);
      const [sent] = bySubject(relay, 'Mail k1');
      expect(bySubject(relay, 'Mail k1')).toHaveLength(1);
      expect(sent.envelope).toEqual({ from: 'no-reply@inbox.test', to: ['ben@example.com'] });
      expect(sent.parsed.from?.value).toEqual([{ name: 'Inbox', address: 'no-reply@inbox.test' }]);
      expect(sent.parsed.to).toMatchObject({ value: [{ name: 'Ben Agent', address: 'ben@example.com' }] });
      expect(sent.parsed.headers.get('auto-submitted')).toBe('auto-generated');
      expect(sent.parsed.text?.trim()).toBe('Hello Ben, k1.');

      // A mail that carries a secret is sealed in the log and readable at the relay.
      const link = 'https://inbox.test/reset-password/0123456789abcdef';
      const { mailId: sealedId } = await bus.execute(
        new QueueUserMail({ accountId: 'acct-1', key: 'secret', to: { name: '', address: 'ben@example.com' }, subject: 'Your link', text: `Open ${link}`, confidential: true }, context),
      );
      await relay.waitFor(3);
      expect(bySubject(relay, 'Your link')[0].parsed.text?.trim()).toBe(`Open ${link}`);
      const [queued] = await api.app.get(EventSourcing).store.readStream(userMailStream(sealedId));
      expect(JSON.stringify(queued.data)).not.toContain('0123456789abcdef');
      expect(queued.data).toMatchObject({ sealed: expect.stringMatching(/^v1\./) });
      await eventually(async () => api!.app.get(ConversationsQueries).userMailStatus(first.mailId)?.status, (status) => status === 'sent', 'k1 recorded as sent');
      await api.close();

      api = await startTestApi(env);
      const again = api.app.get(CommandBus);
      await again.execute(mail('k1'));
      await again.execute(mail('k3'));
      await relay.waitFor(4);
      expect(bySubject(relay, 'Mail k3')).toHaveLength(1);
      expect(relay.received.map((captured) => captured.parsed.subject).sort()).toEqual(['Mail k1', 'Mail k2', 'Mail k3', 'Your link']);
      expect((await api.http.get('/api/health')).status).toBe(200);
    } finally {
      await api?.close();
      await relay.close();
      data.cleanup();
    }
  });

  it('waits out a relay that is down and delivers once it is back', async () => {
    const port = await CaptureRelay.freePort();
    const api = await startTestApi({ OUTBOUND_SMTP_URL: `smtp://127.0.0.1:${port}` });
    const relay = new CaptureRelay(port);
    try {
      const { mailId } = await api.app.get(CommandBus).execute(mail('outage', 'Sent after the outage'));
      const queries = api.app.get(ConversationsQueries);
      const waiting = await eventually(async () => queries.userMailStatus(mailId), (status) => status?.status === 'waiting', 'a failed first attempt');
      expect(waiting?.error).toBeTruthy();
      await relay.listen();
      await relay.waitFor(1, 30_000);
      expect(relay.received[0].parsed.subject).toBe('Sent after the outage');
      await eventually(async () => queries.userMailStatus(mailId)?.status, (status) => status === 'sent', 'recorded as sent');
      expect((await api.http.get('/api/health')).status).toBe(200);
    } finally {
      await api.close();
      await relay.close();
    }
  });
});
