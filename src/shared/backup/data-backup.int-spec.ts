import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { makeTempDir } from '../../../test/support/temp-dir';
import { BlobStore } from '../blobs/blob-store';
import { loadConfig } from '../config/app-config';
import { loadServerSecret } from '../config/server-secret';
import { SqliteEventStore } from '../event-store/sqlite.event-store';
import { openSqlite } from '../sqlite/open-sqlite';
import { CheckpointStore } from '../projections/checkpoint.store';
import { backUp, restore, verifyBackup } from './data-backup';

const dirs: Array<{ cleanup(): void }> = [];
afterAll(() => dirs.forEach((dir) => dir.cleanup()));
const tempDir = (prefix: string) => {
  const dir = makeTempDir(prefix);
  dirs.push(dir);
  return dir.path;
};

const metadata = () => ({ eventId: randomUUID(), accountId: 'a1', actor: { system: 'test' }, correlationId: randomUUID(), causationId: null, occurredAt: new Date().toISOString(), schemaVersion: 1 });

describe('a backup taken while mail is written', () => {
  it('holds the bytes of every event it holds, and the checkpoints as they were before the log', async () => {
    const config = loadConfig({ DATA_DIR: tempDir('inbox-data-') });
    loadServerSecret(config);
    const store = new SqliteEventStore(join(config.dataDir, 'inbox.db'));
    const blobs = new BlobStore(join(config.dataDir, 'blobs.db'));
    const readModels = openSqlite(join(config.dataDir, 'read-models.db'), { synchronous: 'NORMAL' });
    new CheckpointStore(readModels).save('thread-inbound-mail', { position: 0n, version: 1 });

    // As the intake writes: the bytes, then the event naming them; as fast as the writer threads take them.
    let writing = true;
    let written = 0;
    const writer = (async () => {
      while (writing) {
        const { hash } = await blobs.put(Buffer.from(`mail ${written} ${randomUUID()}`.repeat(50)));
        await store.appendToStream(`inboundmail-${written}`, [{ type: 'InboundMailAccepted', data: { hash }, metadata: metadata() }], { expectedRevision: 'no_stream' });
        written += 1;
        if (written === 50) new CheckpointStore(readModels).save('thread-inbound-mail', { position: 40n, version: 1 });
      }
    })();
    while (written < 100) await new Promise((resolve) => setTimeout(resolve, 5));
    const target = join(tempDir('inbox-backups-'), 'b1');
    const manifest = await backUp(config, target);
    const atEnd = written;
    while (written < atEnd + 20) await new Promise((resolve) => setTimeout(resolve, 5));
    writing = false;
    await writer;

    expect(manifest.files.map((f) => f.name)).toEqual(['blobs.db', 'checkpoints.json', 'inbox.db', 'secret.key']);
    expect(readdirSync(target).sort()).toEqual(['blobs.db', 'checkpoints.json', 'inbox.db', 'manifest.json', 'secret.key']);
    expect(statSync(target).mode & 0o777).toBe(0o700);
    const log = new Database(join(target, 'inbox.db'));
    const hashes = (log.prepare('SELECT data FROM events').pluck().all() as string[]).map((data) => (JSON.parse(data) as { hash: string }).hash);
    log.close();
    const copy = new Database(join(target, 'blobs.db'));
    const has = copy.prepare('SELECT 1 FROM blob_bytes WHERE hash = ?').pluck();
    expect(hashes.length).toBeGreaterThanOrEqual(100);
    expect(hashes.filter((hash) => has.get(hash) === undefined)).toEqual([]);
    copy.close();
    expect(Number(manifest.eventLogHead)).toBe(hashes.length);
    await verifyBackup(target);

    // Restored: the same log and bytes; the checkpoints are kept, each marked for a rebuild.
    const restored = loadConfig({ DATA_DIR: join(tempDir('inbox-restored-'), 'data') });
    await restore(restored, target);
    const again = new SqliteEventStore(join(restored.dataDir, 'inbox.db'));
    expect((await again.readAll({ maxCount: 10_000 })).length).toBe(hashes.length);
    await again.close();
    const restoredBlobs = new BlobStore(join(restored.dataDir, 'blobs.db'));
    expect(await restoredBlobs.has(hashes[hashes.length - 1])).toBe(true);
    await restoredBlobs.close();
    expect(loadServerSecret(restored)).toBe(loadServerSecret(config));
    expect(statSync(join(restored.dataDir, 'secret.key')).mode & 0o777).toBe(0o600);
    const seeded = openSqlite(join(restored.dataDir, 'read-models.db'), { synchronous: 'NORMAL' });
    expect(new CheckpointStore(seeded).load('thread-inbound-mail')).toEqual({ position: 40n, version: -1 });
    seeded.close();

    readModels.close();
    await store.close();
    await blobs.close();
  });

  it('restores only with the INBOX_SECRET the backup was taken with, and never a key file beside one', async () => {
    const secret = 'a-secret-of-at-least-thirty-two-characters';
    const config = loadConfig({ DATA_DIR: tempDir('inbox-data-'), INBOX_SECRET: secret });
    const store = new SqliteEventStore(join(config.dataDir, 'inbox.db'));
    await store.appendToStream('s-1', [{ type: 'Something', data: {}, metadata: metadata() }], { expectedRevision: 'no_stream' });
    await store.close();
    const target = join(tempDir('inbox-backups-'), 'b');
    const manifest = await backUp(config, target);
    expect(manifest.secret).toBe('INBOX_SECRET');
    expect(JSON.stringify(manifest)).not.toContain(secret);
    expect(manifest.files.map((f) => f.name)).toEqual(['checkpoints.json', 'inbox.db']);

    const into = () => join(tempDir('inbox-restored-'), 'data');
    await expect(restore(loadConfig({ DATA_DIR: into() }), target)).rejects.toThrow(/set the same INBOX_SECRET/);
    await expect(restore(loadConfig({ DATA_DIR: into(), INBOX_SECRET: `${secret}!` }), target)).rejects.toThrow(/set the same INBOX_SECRET/);
    await expect(restore(loadConfig({ DATA_DIR: into(), INBOX_SECRET: secret }), target)).resolves.toMatchObject({ eventLogHead: '1' });

    const withKey = loadConfig({ DATA_DIR: tempDir('inbox-data-') });
    loadServerSecret(withKey);
    await new SqliteEventStore(join(withKey.dataDir, 'inbox.db')).close();
    const keyBackup = join(tempDir('inbox-backups-'), 'k');
    await backUp(withKey, keyBackup);
    await expect(restore(loadConfig({ DATA_DIR: into(), INBOX_SECRET: secret }), keyBackup)).rejects.toThrow(/secret.key would be ignored/);
  });

  it('beside EventStoreDB holds what DATA_DIR has (mail bytes, secret, checkpoints) and restores only beside one', async () => {
    const config = loadConfig({ DATA_DIR: tempDir('inbox-data-'), EVENTSTORE_URL: 'esdb://localhost:2113?tls=false' });
    loadServerSecret(config);
    const blobs = new BlobStore(join(config.dataDir, 'blobs.db'));
    const { hash } = await blobs.put(Buffer.from('a raw mail'));
    await blobs.close();
    const target = join(tempDir('inbox-backups-'), 'esdb');
    const manifest = await backUp(config, target);
    expect(manifest).toMatchObject({ eventLog: 'eventstoredb', eventLogHead: null, secret: 'secret.key' });
    expect(manifest.files.map((f) => f.name)).toEqual(['blobs.db', 'checkpoints.json', 'secret.key']);

    await expect(restore(loadConfig({ DATA_DIR: join(tempDir('inbox-restored-'), 'data') }), target)).rejects.toThrow(/set EVENTSTORE_URL/);
    const beside = loadConfig({ DATA_DIR: join(tempDir('inbox-restored-'), 'data'), EVENTSTORE_URL: 'esdb://localhost:2113?tls=false' });
    await restore(beside, target);
    const restored = new BlobStore(join(beside.dataDir, 'blobs.db'));
    expect((await restored.get(hash)).toString()).toBe('a raw mail');
    await restored.close();
    expect(readdirSync(beside.dataDir).filter((name) => !name.endsWith('-wal') && !name.endsWith('-shm')).sort()).toEqual(['blobs.db', 'read-models.db', 'secret.key']);
  });
});
