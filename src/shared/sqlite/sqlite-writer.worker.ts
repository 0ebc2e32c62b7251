// The writer thread of the SQLite stores (events, blobs): runs their group-committed transactions,
// so the fsync of each commit blocks this thread and not the one serving HTTP and SMTP.
import { parentPort, type Worker, workerData } from 'node:worker_threads';
import { startThread } from '../threads/start-thread';
import { openSqlite } from './open-sqlite';
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

export type WireReply = { outcomes: WireOutcome[]; recordedAt: number } | { error: string };

export type BlobReply = { ok: true } | { error: string };

export interface WireBlob {
  hash: string;
  bytes: Uint8Array;
}

export type WriterRole = 'events' | 'blobs';

const role = (workerData as { role?: WriterRole } | null)?.role;
if (parentPort && role === 'blobs') {
  const port = parentPort;
  const db = openSqlite((workerData as { file: string }).file, { synchronous: 'FULL' });
  const insert = db.prepare('INSERT OR IGNORE INTO blob_bytes (hash, size, bytes) VALUES (?, ?, ?)');
  const putAll = db.transaction((batch: WireBlob[]) => {
    for (const blob of batch) insert.run(blob.hash, blob.bytes.length, Buffer.from(blob.bytes.buffer, blob.bytes.byteOffset, blob.bytes.byteLength));
  });
  serveGroupCommits(port, (groups: WireBlob[][]): BlobReply[] => {
    try {
      putAll(groups.flat());
      return groups.map(() => ({ ok: true }));
    } catch (error) {
      return groups.map(() => ({ error: messageOf(error) }));
    }
  });
}

if (parentPort && role === 'events') {
  const port = parentPort;
  const db = openSqlite((workerData as { file: string }).file, { synchronous: 'FULL' });
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

  // Checkpoints of the log's WAL happen here, never on the main thread's reading connection.
  setInterval(() => db.pragma('wal_checkpoint(PASSIVE)'), 1000).unref();

  serveGroupCommits(port, (groups: WireAppend[][]): WireReply[] => {
    const now = Date.now();
    try {
      // IMMEDIATE: the write lock is taken before the revisions are read.
      const outcomes = appendAll.immediate(groups.flat(), now);
      return groups.map((group) => ({ outcomes: outcomes.splice(0, group.length), recordedAt: now }));
    } catch (error) {
      return groups.map(() => ({ error: messageOf(error) }));
    }
  });
}

/** Starts the writer thread for a store file. */
export function startWriter(file: string, writerRole: WriterRole): Worker {
  return startThread(__filename, { file, role: writerRole });
}
