import { chmodSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { signUp, startTestApi } from './support/api-app';
import { eventually } from './support/eventually';
import { sendRaw, simpleMail } from './support/smtp-client';
import { makeTempDir } from './support/temp-dir';

/** Every file under `dir`, relative, with its permission bits. */
function modes(dir: string): Record<string, string> {
  const found: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    const stat = statSync(join(dir, entry));
    if (stat.isFile()) found[entry] = (stat.mode & 0o777).toString(8);
  }
  return found;
}

describe('files under DATA_DIR', () => {
  const dataDir = makeTempDir('inbox-modes-');
  afterAll(() => dataDir.cleanup());

  it('are readable by the owner alone: the log, read models, blobs, their -wal and -shm files, the secret and the outbox', async () => {
    const api = await startTestApi({ DATA_DIR: dataDir.path, INBOX_DOMAIN: 'inbox.test' });
    try {
      const owner = await signUp(api);
      const { body } = await owner.agent.post('/api/channels/email/forwarding-address').send({ username: 'help', subdomain: `mo${Date.now().toString(36)}` });
      expect((await sendRaw(api.smtpPort, body.address, simpleMail({ to: body.address }))).code).toBe(250);
      const [conversation] = await eventually(async () => (await owner.agent.get('/api/conversations')).body.items as Array<{ id: string }>, (items) => items.length === 1, 'the mail');
      const { messageId } = (await owner.agent.post(`/api/conversations/${conversation.id}/replies`).send({ text: 'Kept to ourselves' })).body;
      await eventually(async () => ((await owner.agent.get(`/api/conversations/${conversation.id}`)).body.messages as Array<{ id: string; deliveryStatus: string }>).find((m) => m.id === messageId), (m) => m?.deliveryStatus === 'sent', 'the reply in the outbox');
      expect((await api.agent().get('/api/health')).status).toBe(200);

      const files = modes(dataDir.path);
      for (const name of ['inbox.db', 'inbox.db-wal', 'inbox.db-shm', 'blobs.db', 'blobs.db-wal', 'read-models.db', 'read-models.db-wal', 'secret.key', `outbox/${messageId}.eml`]) {
        expect([name, files[name]]).toEqual([name, '600']);
      }
      expect(Object.entries(files).filter(([, mode]) => mode !== '600')).toEqual([]);
    } finally {
      await api.close();
    }
  });

  it('are tightened at start when an earlier build left them open to others', async () => {
    for (const name of Object.keys(modes(dataDir.path))) chmodSync(join(dataDir.path, name), 0o644);
    expect(Object.values(modes(dataDir.path))).toContain('644');
    const api = await startTestApi({ DATA_DIR: dataDir.path, INBOX_DOMAIN: 'inbox.test' });
    try {
      expect((await api.agent().get('/api/health')).status).toBe(200);
      const files = modes(dataDir.path);
      expect(Object.keys(files)).toEqual(expect.arrayContaining(['inbox.db', 'blobs.db', 'read-models.db', 'secret.key']));
      expect(Object.keys(files).some((name) => name.startsWith('outbox/'))).toBe(true);
      expect(Object.entries(files).filter(([, mode]) => mode !== '600')).toEqual([]);
    } finally {
      await api.close();
    }
  });
});
