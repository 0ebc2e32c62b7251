import type { Statement } from 'better-sqlite3';
import type { Worker } from 'node:worker_threads';
import { PageCap, startWriter, type WireAppend, type WireReply } from '../sqlite/sqlite-writer.worker';
import { StorageFull, isOutOfSpace, type SpaceReport } from '../storage/storage-full';
import { openSqlite, type SqliteDatabase } from '../sqlite/open-sqlite';
import { WriterChannel } from '../sqlite/writer-channel';
import type { EventMetadata } from '../domain/event-envelope';
import {
  WrongExpectedVersion,
  type AppendResult,
  type EventStore,
  type EventSubscription,
  type EventToAppend,
  type ExpectedRevision,
  type Position,
  type ReadAllOptions,
  type RecordedEvent,
  type SubscribeToAllOptions,
  type UpcastEvent,
} from './event-store.port';

interface EventRow {
  position: number;
  stream_id: string;
  revision: number;
  type: string;
  data: string;
  metadata: string;
  recorded_at: number;
}

/** Where one subscription stands, and how to wake it when it waits for appends. */
interface Cursor {
  last: Position;
  stopped: boolean;
  wake: (() => void) | null;
}

interface PendingAppend {
  streamId: string;
  events: readonly EventToAppend[];
  expectedRevision: ExpectedRevision;
  resolve(result: AppendResult): void;
  reject(error: unknown): void;
}

export interface SqliteEventStoreOptions {
  /** How often live subscriptions look for appends made by other processes on the same file. */
  pollIntervalMs?: number;
  pageSize?: number;
  /** How many of the latest appended events are kept in memory for subscriptions. */
  recentCapacity?: number;
  /** Applied to every event read (from the file or from memory); none by default. */
  upcast?: UpcastEvent;
  /** Hears whether appends found room (health). */
  space?: SpaceReport;
}

const STORE_NAME = 'event log';

/**
 * The embedded event store: one SQLite file in WAL mode with `synchronous=FULL`.
 *
 * Appends that arrive while a commit is under way are group-committed: one transaction (one
 * fsync) writes them all, each append keeping its own expected-revision check, because one fsync
 * per append caps throughput far below what a batch reaches. The commits run on a writer thread
 * (see WriterChannel), so the fsync never blocks this one; reads stay here (WAL lets them run
 * beside the writer).
 */
export class SqliteEventStore implements EventStore {
  readonly positionsCountEvents = true;
  private readonly db: SqliteDatabase;
  private readonly statements: {
    readStream: Statement;
    readFrom: Statement;
    head: Statement;
  };
  private readonly writer: Worker;
  private readonly channel: WriterChannel<PendingAppend, WireReply>;
  private readonly wakeSubscribers = new Set<() => void>();
  private readonly pollTimer: NodeJS.Timeout;
  private readonly pageSize: number;
  private readonly pageCap = new PageCap();
  private readonly space: SpaceReport | undefined;
  private closed = false;
  /**
   * The latest events this process appended, by position, as readers will want them: every
   * subscription reads each new event, and this spares each of them the query and the JSON parse.
   * Events are immutable, so readers share the objects.
   */
  private readonly recent = new Map<number, RecordedEvent>();
  private readonly recentCapacity: number;
  /** The highest position known to exist: past it, a read cannot find anything and is skipped. */
  private knownHead = 0;
  private readonly upcast: UpcastEvent;

  constructor(file: string, options: SqliteEventStoreOptions = {}) {
    this.db = openSqlite(file, { synchronous: 'FULL' });
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS events (
        position    INTEGER PRIMARY KEY,
        stream_id   TEXT    NOT NULL,
        revision    INTEGER NOT NULL,
        event_id    TEXT    NOT NULL,
        type        TEXT    NOT NULL,
        data        TEXT    NOT NULL,
        metadata    TEXT    NOT NULL,
        recorded_at INTEGER NOT NULL,
        UNIQUE (stream_id, revision)
      ) STRICT;
    `);
    this.statements = {
      readStream: this.db.prepare('SELECT * FROM events WHERE stream_id = ? ORDER BY revision'),
      readFrom: this.db.prepare('SELECT * FROM events WHERE position >= ? ORDER BY position LIMIT ?'),
      head: this.db.prepare('SELECT MAX(position) FROM events').pluck(),
    };
    this.space = options.space;
    this.writer = startWriter(file, 'events', this.pageCap);
    this.channel = new WriterChannel(this.writer, (appends) => this.toWire(appends), (appends, reply) => this.committed(appends, reply));
    this.upcast = options.upcast ?? ((event) => event);
    this.pageSize = options.pageSize ?? 1000;
    this.recentCapacity = options.recentCapacity ?? 20_000;
    this.knownHead = (this.statements.head.get() as number | null) ?? 0;
    // Other processes (a CLI, a second app instance) may append to the same file: look now and then.
    this.pollTimer = setInterval(() => {
      if (this.wakeSubscribers.size === 0) return;
      this.knownHead = Math.max(this.knownHead, (this.statements.head.get() as number | null) ?? 0);
      this.wakeAll();
    }, options.pollIntervalMs ?? 500);
    this.pollTimer.unref();
  }

  appendToStream(
    streamId: string,
    events: readonly EventToAppend[],
    options: { expectedRevision: ExpectedRevision },
  ): Promise<AppendResult> {
    if (this.closed) return Promise.reject(new Error('The event store is closed'));
    if (events.length === 0) return Promise.reject(new Error(`Nothing to append to ${streamId}`));
    return new Promise<AppendResult>((resolve, reject) => {
      this.channel.send({ streamId, events, expectedRevision: options.expectedRevision, resolve, reject });
    });
  }

  async readStream(streamId: string): Promise<RecordedEvent[]> {
    return (this.statements.readStream.all(streamId) as EventRow[]).map((row) => this.upcast(toRecordedEvent(row)));
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const from = options.fromPosition === undefined || options.fromPosition === 'start' ? 0n : options.fromPosition;
    return this.readFrom(from, options.maxCount ?? this.pageSize);
  }

  subscribeToAll(options: SubscribeToAllOptions = {}): EventSubscription {
    const from = options.fromPosition;
    const cursor: Cursor = { last: from === undefined || from === 'start' ? 0n : from, stopped: false, wake: null };
    return {
      [Symbol.asyncIterator]: () => this.follow(cursor),
      stop: async () => {
        cursor.stopped = true;
        if (cursor.wake) {
          this.wakeSubscribers.delete(cursor.wake);
          cursor.wake();
        }
      },
    };
  }

  async headPosition(): Promise<Position | null> {
    const head = this.statements.head.get() as number | null;
    if (head !== null) this.knownHead = Math.max(this.knownHead, head);
    return head === null ? null : BigInt(head);
  }

  /** Caps the file at `pages` pages (null: no cap); see PageCap. */
  capPages(pages: number | null): void {
    this.pageCap.set(pages);
  }

  /** The file's size in pages, as the reading connection last saw it. */
  pageCount(): number {
    return this.db.pragma('page_count', { simple: true }) as number;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    await this.channel.drained();
    this.closed = true;
    await this.writer.terminate();
    clearInterval(this.pollTimer);
    this.wakeAll();
    this.db.close();
  }

  private async *follow(cursor: Cursor): AsyncGenerator<RecordedEvent> {
    while (!cursor.stopped && !this.closed) {
      const page = this.readFrom(cursor.last + 1n, this.pageSize);
      if (page.length === 0) {
        // No commit can slip in between the empty read and this registration: both are synchronous.
        await new Promise<void>((resolve) => {
          cursor.wake = resolve;
          this.wakeSubscribers.add(resolve);
        });
        continue;
      }
      for (const event of page) {
        if (cursor.stopped) return;
        cursor.last = event.position;
        yield event;
      }
    }
  }

  private readFrom(from: Position, maxCount: number): RecordedEvent[] {
    const page: RecordedEvent[] = [];
    let next = Number(from);
    for (let event = this.recent.get(next); event && page.length < maxCount; event = this.recent.get(next)) {
      page.push(event);
      next += 1;
    }
    if (page.length === maxCount || next > this.knownHead) return page;
    // Past what memory holds (older events, or appends by another process): the file answers.
    const rows = this.statements.readFrom.all(next, maxCount - page.length) as EventRow[];
    return rows.length === 0 ? page : [...page, ...rows.map((row) => this.upcast(toRecordedEvent(row)))];
  }

  private toWire(appends: PendingAppend[]): WireAppend[] {
    return appends.map((append) => ({
      streamId: append.streamId,
      expectedRevision: append.expectedRevision,
      events: append.events.map((event) => ({
        eventId: event.metadata.eventId,
        type: event.type,
        data: JSON.stringify(event.data ?? null),
        metadata: JSON.stringify(event.metadata),
      })),
    }));
  }

  private committed(batch: PendingAppend[], reply: WireReply | Error): void {
    if (reply instanceof Error || 'error' in reply) {
      // Nothing of this batch was written.
      const error = reply instanceof Error ? reply : !isOutOfSpace(reply) ? new Error(reply.error) : new StorageFull(STORE_NAME, reply.error);
      if (error instanceof StorageFull) this.space?.refused(error);
      for (const append of batch) append.reject(error);
      return;
    }
    this.space?.wrote(STORE_NAME);
    batch.forEach((append, i) => {
      const outcome = reply.outcomes[i];
      if (!outcome.ok) {
        append.reject(new WrongExpectedVersion(append.streamId, append.expectedRevision, outcome.actual));
        return;
      }
      // The appended objects themselves, not a parse of what was written: events are immutable.
      append.events.forEach((event, index) => {
        const recorded: RecordedEvent = {
          streamId: append.streamId,
          revision: outcome.firstRevision + index,
          position: BigInt(outcome.firstPosition + index),
          type: event.type,
          data: event.data ?? null,
          metadata: event.metadata,
          recordedAt: new Date(reply.recordedAt),
        };
        this.remember(this.upcast(recorded));
      });
      const last = outcome.firstPosition + append.events.length - 1;
      this.knownHead = Math.max(this.knownHead, last);
      append.resolve({ nextExpectedRevision: outcome.firstRevision + append.events.length - 1, position: BigInt(last) });
    });
    this.wakeAll();
  }

  private remember(event: RecordedEvent): void {
    this.recent.set(Number(event.position), event);
    if (this.recent.size > this.recentCapacity) this.recent.delete(this.recent.keys().next().value as number);
  }

  private wakeAll(): void {
    if (this.wakeSubscribers.size === 0) return;
    const waiting = [...this.wakeSubscribers];
    this.wakeSubscribers.clear();
    for (const wake of waiting) wake();
  }
}

function toRecordedEvent(row: EventRow): RecordedEvent {
  return {
    streamId: row.stream_id,
    revision: row.revision,
    position: BigInt(row.position),
    type: row.type,
    data: JSON.parse(row.data) as unknown,
    metadata: JSON.parse(row.metadata) as EventMetadata,
    recordedAt: new Date(row.recorded_at),
  };
}
