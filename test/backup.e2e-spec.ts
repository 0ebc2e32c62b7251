import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PASSWORD, signUp, startTestApi, type TestApi } from './support/api-app';
import { eventually } from './support/eventually';
import { waitUntilSettled, whereUsersSee, type InboxConversation } from './support/inbox-view';
import { sendRaw } from './support/smtp-client';
import { exited, onLines, spawnTs } from './support/spawn-ts';
import { makeTempDir } from './support/temp-dir';

/**
 * npm run backup while mail arrives over SMTP, npm run restore into a fresh DATA_DIR, a server
 * started on it: the inbox shows the same conversations and messages, every mail acknowledged
 * before the backup began among them, and nothing half there (every body, attachment and raw
 * message readable).
 */

interface Sent {
  n: number;
  inboundId: string | null;
  ackedAt: number;
}

let original: TestApi | undefined;
let restored: TestApi | undefined;
const dirs: Array<{ cleanup(): void }> = [];

afterAll(async () => {
  await restored?.close();
  await original?.close();
  for (const dir of dirs) dir.cleanup();
});

function mailWithAttachment(to: string, n: number): string {
  return [
    `From: Customer ${n} <customer${n % 7}@example.com>`,
    `To: ${to}`,
    `Subject: Order ${n}`,
    `Message-ID: <backup.${n}.${Date.now().toString(36)}@example.com>`,
    'Date: Tue, 24 Nov 2026 10:00:00 +0000',
    'MIME-Version: 1.0',
    'Content-Type: multipart/mixed; boundary="b"',
    '',
    '--b',
    'Content-Type: text/plain; charset=utf-8',
    '',
    `Order ${n} has not arrived.`,
    '--b',
    `Content-Type: text/plain; name="receipt-${n}.txt"`,
    `Content-Disposition: attachment; filename="receipt-${n}.txt"`,
    'Content-Transfer-Encoding: base64',
    '',
    Buffer.from(`receipt ${n} `.repeat(200)).toString('base64').replace(/.{1,76}/g, '$&\r\n'),
    '--b--',
    '',
  ].join('\r\n');
}

/** A response's bytes whatever its content type (supertest parses text and JSON otherwise). */
async function bytesOf(agent: ReturnType<TestApi['agent']>, path: string): Promise<{ status: number; body: Buffer }> {
  const response = await agent
    .get(path)
    .buffer(true)
    .parse((res, callback) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => callback(null, Buffer.concat(chunks)));
    });
  return { status: response.status, body: response.body as Buffer };
}

async function runCli(file: string, args: string[], env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const child = spawnTs(file, args, env);
  const lines: string[] = [];
  onLines(child, (line) => lines.push(line));
  let errors = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (errors += chunk));
  // A CLI that hangs fails the test with what it printed, instead of holding it until jest's timeout.
  const timer = setTimeout(() => child.kill('SIGKILL'), 90_000);
  const { code } = await exited(child).finally(() => clearTimeout(timer));
  return { code, output: `${lines.join('\n')}\n${errors}` };
}

describe('backup and restore while mail arrives', () => {
  it('restores every conversation and message acknowledged before the backup began, and nothing half there', async () => {
    original = await startTestApi({ INBOX_DOMAIN: 'inbox.test' });
    const api = original;
    const owner = await signUp(api);
    const claim = await owner.agent.post('/api/channels/email/forwarding-address').send({ username: 'support', subdomain: `backup${Date.now().toString(36)}` });
    const address = claim.body.address as string;

    // Mail keeps arriving, two senders at a time, from before the backup starts until after it ended.
    const sent: Sent[] = [];
    const refused: string[] = [];
    let sending = true;
    let next = 0;
    const sender = async () => {
      while (sending) {
        const n = next++;
        const answer = await sendRaw(api.smtpPort, address, mailWithAttachment(address, n));
        if (answer.code !== 250) {
          refused.push(`mail ${n} answered ${answer.code}: ${answer.response}`);
          sending = false;
        } else sent.push({ n, inboundId: /Message stored as (\S+)/.exec(answer.response)?.[1] ?? null, ackedAt: Date.now() });
      }
    };
    const senders = [sender(), sender()];
    const acknowledged = (count: number, what: string) => eventually(async () => ({ sent: sent.length, refused }), (now) => now.sent >= count || now.refused.length > 0, what, 60_000);
    await acknowledged(30, '30 mails acknowledged before the backup');

    const backupParent = makeTempDir('inbox-backup-');
    dirs.push(backupParent);
    const backupDir = join(backupParent.path, 'nightly');
    const backupStarted = Date.now();
    const backup = await runCli('src/cli/backup.cli.ts', [backupDir], { DATA_DIR: api.config.dataDir, INBOX_DOMAIN: 'inbox.test' });
    const ackedDuringBackup = sent.filter((s) => s.ackedAt > backupStarted).length;
    await acknowledged(sent.length + 10, '10 more mails acknowledged after the backup');
    sending = false;
    await Promise.all(senders);
    expect(refused).toEqual([]);

    const backupMs = Date.now() - backupStarted;
    expect(backup).toMatchObject({ code: 0 });
    expect(backup.output).toContain('Backup of');
    expect(ackedDuringBackup).toBeGreaterThan(0);
    // Whole or not there: the directory holds the finished backup and nothing half-written sits beside it.
    expect(readdirSync(backupDir).sort()).toEqual(['blobs.db', 'checkpoints.json', 'inbox.db', 'manifest.json', 'secret.key']);
    expect(readdirSync(backupParent.path)).toEqual(['nightly']);

    const freshDir = makeTempDir('inbox-restored-');
    dirs.push(freshDir);
    const restore = await runCli('src/cli/restore.cli.ts', [backupDir], { DATA_DIR: freshDir.path, INBOX_DOMAIN: 'inbox.test' });
    expect(restore).toMatchObject({ code: 0 });

    restored = await startTestApi({ INBOX_DOMAIN: 'inbox.test', DATA_DIR: freshDir.path });
    await waitUntilSettled(restored);
    await waitUntilSettled(api);
    const agent = restored.agent();
    expect((await agent.post('/api/auth/login').send({ email: owner.email, password: PASSWORD })).status).toBe(200);

    const before = await whereUsersSee(owner.agent);
    const after = await whereUsersSee(agent);
    process.stdout.write(
      `backup e2e: ${sent.length} mails acknowledged, ${sent.filter((s) => s.ackedAt < backupStarted).length} before the backup began, ${ackedDuringBackup} while it ran (${backupMs} ms including the CLI's start); ` +
        `${after.inConversation.size} of ${before.inConversation.size} messages restored\n`,
    );

    const ackedBeforeBackup = sent.filter((s) => s.ackedAt < backupStarted);
    expect(ackedBeforeBackup.length).toBeGreaterThanOrEqual(30);
    expect(ackedBeforeBackup.filter((s) => !s.inboundId || !after.inConversation.has(s.inboundId)).map((s) => s.n)).toEqual([]);
    // Mail that came later is either all there or not at all, never only partly (fewer messages than it had).
    expect(after.inConversation.size).toBeLessThanOrEqual(before.inConversation.size);
    const originalById = new Map<string, InboxConversation>(before.conversations.map((c) => [c.id, c]));
    const differences: string[] = [];
    for (const conversation of after.conversations) {
      const then = originalById.get(conversation.id);
      if (!then) {
        differences.push(`${conversation.id} is not in the original`);
        continue;
      }
      if (conversation.subject !== then.subject || conversation.contact.email !== then.contact.email) differences.push(`${conversation.id}: subject or contact differ`);
      const thenMessages = new Map(then.messages.map((m) => [m.id, m]));
      for (const message of conversation.messages) {
        const was = thenMessages.get(message.id);
        const same = was && was.subject === message.subject && was.text === message.text && JSON.stringify(was.attachments.map((a) => [a.filename, a.size])) === JSON.stringify(message.attachments.map((a) => [a.filename, a.size]));
        if (!same) differences.push(`${conversation.id}/${message.id}: not the same message as in the original`);
        for (const attachment of message.attachments) {
          const [now, then] = await Promise.all([bytesOf(agent, `/api/attachments/${attachment.id}`), bytesOf(owner.agent, `/api/attachments/${attachment.id}`)]);
          if (now.status !== 200 || !now.body.equals(then.body)) differences.push(`${message.id}: attachment ${attachment.filename} answered ${now.status} with other bytes`);
        }
        const raw = await agent.get(`/api/messages/${message.id}/raw`);
        if (raw.status !== 200) differences.push(`${message.id}: raw message answered ${raw.status}`);
      }
    }
    expect(differences).toEqual([]);
    expect(after.conversations.length).toBeGreaterThanOrEqual(ackedBeforeBackup.length > 0 ? 1 : 0);

    // The secret came back too: the inbound token derived from it is the same.
    const tokenThen = (await owner.agent.get('/api/channels/email/inbound-token')).body.token as string;
    const tokenNow = (await agent.get('/api/channels/email/inbound-token')).body.token as string;
    expect(tokenNow).toBe(tokenThen);
    expect((await waitUntilSettled(restored)).status).toBe(200);
  }, 120_000);

  it('refuses to restore into a DATA_DIR that is not empty, and a backup that never finished', async () => {
    const api = original as TestApi;
    const parent = makeTempDir('inbox-backup-');
    dirs.push(parent);
    const backupDir = join(parent.path, 'b');
    expect(await runCli('src/cli/backup.cli.ts', [backupDir], { DATA_DIR: api.config.dataDir })).toMatchObject({ code: 0 });

    // Into the running server's own DATA_DIR: refused, nothing touched.
    const intoLive = await runCli('src/cli/restore.cli.ts', [backupDir], { DATA_DIR: api.config.dataDir });
    expect(intoLive.code).toBe(2);
    expect(intoLive.output).toContain('is not empty');

    // A backup over an existing one: refused.
    const again = await runCli('src/cli/backup.cli.ts', [backupDir], { DATA_DIR: api.config.dataDir });
    expect(again.code).toBe(2);
    expect(again.output).toContain('never overwrites');

    // A changed file: refused before anything is written.
    writeFileSync(join(backupDir, 'secret.key'), 'not the secret\n');
    const target = join(parent.path, 'target');
    const tampered = await runCli('src/cli/restore.cli.ts', [backupDir], { DATA_DIR: target });
    expect(tampered.code).toBe(2);
    expect(tampered.output).toContain('secret.key is not the file the backup wrote');
    expect(existsSync(target)).toBe(false);

    // No manifest: never mistaken for a backup.
    const unfinished = join(parent.path, 'unfinished');
    const noManifest = await runCli('src/cli/restore.cli.ts', [unfinished], { DATA_DIR: target });
    expect(noManifest.code).toBe(2);
    expect(noManifest.output).toContain('has no manifest.json');
  }, 60_000);
});
