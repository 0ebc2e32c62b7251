import { createHash } from 'node:crypto';
import type { Worker } from 'node:worker_threads';
import type { Statement } from 'better-sqlite3';
import { openSqlite, type SqliteDatabase } from '../sqlite/open-sqlite';
import { PageCap, startWriter, type BlobReply, type WireBlob } from '../sqlite/sqlite-writer.worker';
import { WriterChannel } from '../sqlite/writer-channel';
import { StorageFull, isOutOfSpace, type SpaceReport } from '../storage/storage-full';

const STORE_NAME = 'mail store';

export interface StoredBlob {
  /** sha256 of the bytes, hex: the blob's name. */
  hash: string;
  size: number;
}

export const BLOB_STORE = Symbol('BLOB_STORE');

interface PendingPut {
  blob: WireBlob;
  resolve(): void;
  reject(error: unknown): void;
}

/**
 * Content-addressed bytes (raw mail, bodies, attachments) in a SQLite table with
 * `synchronous=FULL`: when `put` resolves the bytes survive a power loss, which is what lets SMTP
 * answer 250 after it. Puts that arrive while a commit is under way share the next commit, one
 * fsync for all, on a writer thread (see WriterChannel; a file per blob cost two fsyncs per
 * message, on this thread).
 */
export class BlobStore {
  private readonly db: SqliteDatabase;
  private readonly select: Statement;
  private readonly exists: Statement;
  private readonly writer: Worker;
  private readonly channel: WriterChannel<PendingPut, BlobReply>;
  private readonly pageCap = new PageCap();

  constructor(
    file: string,
    private readonly space?: SpaceReport,
  ) {
    this.db = openSqlite(file, { synchronous: 'FULL' });
    // A rowid table: bytes of a kilobyte and more made the first design's WITHOUT ROWID table (the
    // bytes inside its primary-key b-tree) commit 2.6x slower. Its rows are still read (never written).
    this.db.exec('CREATE TABLE IF NOT EXISTS blob_bytes (id INTEGER PRIMARY KEY, hash TEXT NOT NULL UNIQUE, size INTEGER NOT NULL, bytes BLOB NOT NULL) STRICT');
    const legacy = this.db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'blobs'").get() !== undefined;
    const from = legacy ? '(SELECT hash, bytes FROM blob_bytes UNION ALL SELECT hash, bytes FROM blobs)' : 'blob_bytes';
    this.select = this.db.prepare(`SELECT bytes FROM ${from} WHERE hash = ? LIMIT 1`).pluck();
    this.exists = this.db.prepare(`SELECT 1 FROM ${from} WHERE hash = ? LIMIT 1`).pluck();
    this.writer = startWriter(file, 'blobs', this.pageCap);
    this.channel = new WriterChannel(
      this.writer,
      (puts) => puts.map((put) => put.blob),
      (puts, reply) => {
        const failure = reply instanceof Error ? reply : 'error' in reply ? this.failure(reply) : null;
        if (!failure) this.space?.wrote(STORE_NAME);
        for (const put of puts) {
          if (failure) put.reject(failure);
          else put.resolve();
        }
      },
    );
  }

  /** Caps the file at `pages` pages (null: no cap); see PageCap. */
  capPages(pages: number | null): void {
    this.pageCap.set(pages);
  }

  /** The file's size in pages, as this connection last saw it. */
  pageCount(): number {
    return this.db.pragma('page_count', { simple: true }) as number;
  }

  private failure(reply: { error: string; code?: string }): Error {
    if (!isOutOfSpace(reply)) return new Error(reply.error);
    const full = new StorageFull(STORE_NAME, reply.error);
    this.space?.refused(full);
    return full;
  }

  /** The name bytes get in the store, known before they are stored. */
  static nameOf(bytes: Buffer): StoredBlob {
    return { hash: createHash('sha256').update(bytes).digest('hex'), size: bytes.length };
  }

  put(bytes: Buffer): Promise<StoredBlob> {
    const { hash } = BlobStore.nameOf(bytes);
    return new Promise<StoredBlob>((resolve, reject) => {
      this.channel.send({ blob: { hash, bytes }, resolve: () => resolve({ hash, size: bytes.length }), reject });
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

  async close(): Promise<void> {
    await this.channel.drained();
    await this.writer.terminate();
    this.db.close();
  }
}
