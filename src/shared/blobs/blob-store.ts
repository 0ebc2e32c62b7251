import { createHash } from 'node:crypto';
import type { Statement } from 'better-sqlite3';
import { openSqlite, type SqliteDatabase } from '../sqlite/open-sqlite';

export interface StoredBlob {
  /** sha256 of the bytes, hex: the blob's name. */
  hash: string;
  size: number;
}

export const BLOB_STORE = Symbol('BLOB_STORE');

interface PendingPut {
  hash: string;
  bytes: Buffer;
  resolve(): void;
  reject(error: unknown): void;
}

/**
 * Content-addressed bytes (raw mail, bodies, attachments) in a SQLite table with
 * `synchronous=FULL`: when `put` resolves the bytes survive a power loss, which is what lets SMTP
 * answer 250 after it. Puts that arrive together are committed together, one fsync for all, as
 * with the event store; a file per blob cost two fsyncs (file and directory) per message.
 */
export class BlobStore {
  private readonly db: SqliteDatabase;
  private readonly insert: Statement;
  private readonly select: Statement;
  private readonly exists: Statement;
  private pending: PendingPut[] = [];
  private flushScheduled = false;

  constructor(file: string) {
    this.db = openSqlite(file, { synchronous: 'FULL' });
    this.db.exec('CREATE TABLE IF NOT EXISTS blobs (hash TEXT PRIMARY KEY, size INTEGER NOT NULL, bytes BLOB NOT NULL) STRICT, WITHOUT ROWID');
    this.insert = this.db.prepare('INSERT OR IGNORE INTO blobs (hash, size, bytes) VALUES (?, ?, ?)');
    this.select = this.db.prepare('SELECT bytes FROM blobs WHERE hash = ?').pluck();
    this.exists = this.db.prepare('SELECT 1 FROM blobs WHERE hash = ?').pluck();
  }

  put(bytes: Buffer): Promise<StoredBlob> {
    const hash = createHash('sha256').update(bytes).digest('hex');
    const stored = { hash, size: bytes.length };
    return new Promise<StoredBlob>((resolve, reject) => {
      this.pending.push({ hash, bytes, resolve: () => resolve(stored), reject });
      if (!this.flushScheduled) {
        this.flushScheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  async get(hash: string): Promise<Buffer> {
    const bytes = this.select.get(hash) as Buffer | undefined;
    if (!bytes) throw new Error(`No blob ${hash}`);
    return bytes;
  }

  async has(hash: string): Promise<boolean> {
    return this.exists.get(hash) !== undefined;
  }

  close(): void {
    this.flush();
    this.db.close();
  }

  private flush(): void {
    this.flushScheduled = false;
    const batch = this.pending;
    this.pending = [];
    if (batch.length === 0) return;
    try {
      this.db.transaction(() => {
        for (const put of batch) this.insert.run(put.hash, put.bytes.length, put.bytes);
      })();
    } catch (error) {
      for (const put of batch) put.reject(error);
      return;
    }
    for (const put of batch) put.resolve();
  }
}
