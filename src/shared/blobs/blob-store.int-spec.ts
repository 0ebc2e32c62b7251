import { join } from 'node:path';
import { openSqlite } from '../sqlite/open-sqlite';
import { makeTempDir } from '../../../test/support/temp-dir';
import { BlobStore } from './blob-store';

const dir = makeTempDir('inbox-blobs-');
afterAll(() => dir.cleanup());

describe('BlobStore', () => {
  it('stores bytes under their hash once, concurrent puts sharing commits', async () => {
    const store = new BlobStore(join(dir.path, 'blobs.db'));
    const bytes = Array.from({ length: 30 }, (_, i) => Buffer.from(`mail ${i % 20} `.repeat(200)));
    const stored = await Promise.all(bytes.map((b) => store.put(b)));
    expect(stored[0]).toEqual(BlobStore.nameOf(bytes[0]));
    expect(await store.get(stored[7].hash)).toEqual(bytes[7]);
    expect(await store.has(stored[29].hash)).toBe(true);
    expect(await store.has('0'.repeat(64))).toBe(false);
    await store.close();
    const db = openSqlite(join(dir.path, 'blobs.db'), { synchronous: 'NORMAL' });
    expect(db.prepare('SELECT COUNT(*) FROM blob_bytes').pluck().get()).toBe(20);
    db.close();
  });

  it('still reads the bytes an earlier build wrote to its first table', async () => {
    const file = join(dir.path, 'earlier.db');
    const old = openSqlite(file, { synchronous: 'FULL' });
    old.exec('CREATE TABLE blobs (hash TEXT PRIMARY KEY, size INTEGER NOT NULL, bytes BLOB NOT NULL) STRICT, WITHOUT ROWID');
    const earlier = Buffer.from('stored by an earlier build');
    const { hash, size } = BlobStore.nameOf(earlier);
    old.prepare('INSERT INTO blobs (hash, size, bytes) VALUES (?, ?, ?)').run(hash, size, earlier);
    old.close();

    const store = new BlobStore(file);
    expect(await store.get(hash)).toEqual(earlier);
    expect(await store.has(hash)).toBe(true);
    const later = Buffer.from('stored now');
    await store.put(later);
    expect(await store.get(BlobStore.nameOf(later).hash)).toEqual(later);
    await store.close();
  });
});
