// The writer thread of the SQLite stores (events, blobs): runs their group-committed transactions,
// so the fsync of each commit blocks this thread and not the one serving HTTP and SMTP.
import { parentPort, type Worker, workerData } from 'node:worker_threads';
import { startThread } from '../threads/start-thread';
import { openSqlite, type SqliteDatabase } from './open-sqlite';
import { serveGroupCommits } from './writer-channel';
import { messageOf } from '../error-message';

export type WireExpected = 'no_stream' | 'any' | number;

export interface WireAppend {
  streamId: string;
  expectedRevision: WireExpected;
  events: Array<{ eventId: string; type: string; data: string; metadata: string }>;
}

export type WireOutcome =
  | { ok: true; firstRevision: number; firstPosition: number }
  | { ok: false; actual: number | 'no_stream' };

/** A commit that failed: its message, and SQLite's code (SQLITE_FULL says the disk is full). */
export interface WireFailure {
  error: string;
  code?: string;
}

export type WireReply = { outcomes: WireOutcome[]; recordedAt: number } | WireFailure;

export type BlobReply = { ok: true } | WireFailure;

export interface WireBlob {
  hash: string;
  bytes: Uint8Array;
}

export type WriterRole = 'events' | 'blobs';

interface WriterData {
  file: string;
  role: WriterRole;
  /** See PageCap. */
  pageCap: Int32Array;
}

/**
 * A limit on the size of a store's file, in pages, that the main thread may set at any time:
 * SQLite's max_page_count, past which a write fails with SQLITE_FULL exactly as on a full disk.
 * 0 is no limit. How the tests run a store out of space for real, on any machine and without root.
 */
export class PageCap {
  readonly shared = new Int32Array(new SharedArrayBuffer(4));

  set(pages: number | null): void {
    Atomics.store(this.shared, 0, pages ?? 0);
  }
}

/** Applies the main thread's page cap to `db` before a commit, when it changed. */
function followPageCap(db: SqliteDatabase, cap: Int32Array): () => void {
  const unlimited = db.pragma('max_page_count', { simple: true }) as number;
  let applied = 0;
  return () => {
    const wanted = Atomics.load(cap, 0);
    if (wanted === applied) return;
    db.pragma(`max_page_count = ${wanted === 0 ? unlimited : wanted}`);
    applied = wanted;
  };
}

function failure(error: unknown): WireFailure {
  const code = (error as { code?: unknown } | null)?.code;
  return { error: messageOf(error), ...(typeof code === 'string' ? { code } : {}) };
}

const data = workerData as WriterData | null;
const role = data?.role;
if (parentPort && data && role === 'blobs') {
  const port = parentPort;
  const db = openSqlite(data.file, { synchronous: 'FULL' });
  const applyPageCap = followPageCap(db, data.pageCap);
  const insert = db.prepare('INSERT OR IGNORE INTO blob_bytes (hash, size, bytes) VALUES (?, ?, ?)');
  const putAll = db.transaction((batch: WireBlob[]) => {
    for (const blob of batch) insert.run(blob.hash, blob.bytes.length, Buffer.from(blob.bytes.buffer, blob.bytes.byteOffset, blob.bytes.byteLength));
  });
  serveGroupCommits(port, (groups: WireBlob[][]): BlobReply[] => {
    try {
      applyPageCap();
      putAll(groups.flat());
      return groups.map(() => ({ ok: true }));
    } catch (error) {
      return groups.map(() => failure(error));
    }
  });
}

if (parentPort && data && role === 'events') {
  const port = parentPort;
  const db = openSqlite(data.file, { synchronous: 'FULL' });
  const applyPageCap = followPageCap(db, data.pageCap);
  const insert = db.prepare(
    'INSERT INTO events (stream_id, revision, event_id, type, data, metadata, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const streamRevision = db.prepare('SELECT revision FROM events WHERE stream_id = ? ORDER BY revision DESC LIMIT 1').pluck();

  const appendAll = db.transaction((batch: WireAppend[], now: number): WireOutcome[] =>
    batch.map((append) => {
      // Checked before anything is written, so a refused append leaves no rows.
      const current = streamRevision.get(append.streamId) as number | undefined;
      const actual = current ?? 'no_stream';
      if (append.expectedRevision !== 'any' && append.expectedRevision !== actual) return { ok: false, actual };
      const firstRevision = (current ?? -1) + 1;
      let firstPosition = 0;
      append.events.forEach((event, index) => {
        const info = insert.run(append.streamId, firstRevision + index, event.eventId, event.type, event.data, event.metadata, now);
        if (index === 0) firstPosition = Number(info.lastInsertRowid);
      });
      return { ok: true, firstRevision, firstPosition };
    }),
  );

  // Checkpoints of the log's WAL happen here, never on the main thread's reading connection. One
  // that fails (a full disk) is tried again a second later: thrown, it would end this thread.
  setInterval(() => {
    try {
      db.pragma('wal_checkpoint(PASSIVE)');
    } catch {
      // The WAL keeps every commit until a checkpoint succeeds.
    }
  }, 1000).unref();

  serveGroupCommits(port, (groups: WireAppend[][]): WireReply[] => {
    const now = Date.now();
    try {
      applyPageCap();
      // IMMEDIATE: the write lock is taken before the revisions are read.
      const outcomes = appendAll.immediate(groups.flat(), now);
      return groups.map((group) => ({ outcomes: outcomes.splice(0, group.length), recordedAt: now }));
    } catch (error) {
      return groups.map(() => failure(error));
    }
  });
}

/** Starts the writer thread for a store file. */
export function startWriter(file: string, writerRole: WriterRole, pageCap: PageCap): Worker {
  const data: WriterData = { file, role: writerRole, pageCap: pageCap.shared };
  return startThread(__filename, data);
}
