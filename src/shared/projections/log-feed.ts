import type { Statement } from 'better-sqlite3';
import type { EventStore, EventSubscription, FromPosition, RecordedEvent } from '../event-store/event-store.port';
import type { SqliteDatabase } from '../sqlite/open-sqlite';
import { inBatches } from './in-batches';

/** Tries for the write lock without waiting before the feed waits for it (about a millisecond apart). */
const BUSY_ATTEMPTS = 20;

/** A runner the feed hands batches to once it has caught up with the feed. */
export interface FeedMember {
  readonly name: string;
  /** The last position the member has taken (applied, or queued for its own loop). */
  currentPosition(): FromPosition;
  /**
   * Synchronous members (projections): applied inside the feed's transaction, in a savepoint of
   * their own so that a failure undoes only their writes. False when their stored checkpoint moved.
   */
  applyInTransaction?(events: RecordedEvent[]): boolean;
  /** After the feed's transaction committed what `applyInTransaction` wrote. */
  committed?(events: RecordedEvent[]): void;
  /** Asynchronous members (process managers): queue the events and return at once. */
  take?(events: RecordedEvent[], through: RecordedEvent['position']): void;
  /** Events queued and not yet handled: past a limit the member is let go to catch up on its own. */
  backlog?(): number;
  /** Inside the feed's transaction: write a checkpoint that has moved since it was last saved. */
  saveCheckpoint?(): void;
  /**
   * The feed let go of the member: its batch failed (`error`), its checkpoint moved or it fell
   * behind (`null`), or the feed itself failed. It reads the log on its own again from its checkpoint.
   */
  dropped(error: unknown): void;
}

export interface LogFeedOptions {
  batchSize?: number;
  /** A process manager with more queued events than this reads on its own until it has caught up. */
  maxBacklog?: number;
  retryDelayMs?: number;
  /**
   * Under sustained traffic (deliveries less than twice this apart), the feed waits this long after
   * a delivery, so that the next batch gathers what arrived meanwhile: one transaction for many
   * events instead of one for every few. It bounds what the pause adds to a read-your-writes wait.
   */
  pauseMs?: number;
  logger?: { error(message: string): void };
}

/**
 * One reader of the log for every runner that has caught up. Each runner reading `$all` on its own
 * meant N reads, N batchings and N transactions for each event; the feed reads once, applies a
 * batch to every projection in one transaction (one savepoint each) and queues it for every process
 * manager. A runner that is behind (a rebuild, a restart, a failure) reads on its own, and joins
 * when it has reached the feed: a member only ever takes events after its own position, so joining
 * and leaving leave no gap and no duplicate.
 */
export class LogFeed {
  private readonly members = new Map<FeedMember, FromPosition>();
  /** Everything up to here has been handed to the members; a runner at or past it may join. */
  private last: FromPosition = 'start';
  private live = false;
  private stopped = true;
  private subscription: EventSubscription | null = null;
  private running: Promise<void> | null = null;
  private retryTimer: NodeJS.Timeout | null = null;
  private readonly batchSize: number;
  private readonly maxBacklog: number;
  private readonly pauseMs: number;
  private lastDelivery = 0;
  private readonly statements: { begin: Statement; commit: Statement; rollback: Statement; noPatience: Statement; patience: Statement };

  constructor(
    private readonly store: EventStore,
    private readonly db: SqliteDatabase,
    private readonly options: LogFeedOptions = {},
  ) {
    this.batchSize = options.batchSize ?? 1000;
    this.maxBacklog = options.maxBacklog ?? 10_000;
    this.pauseMs = options.pauseMs ?? 0;
    const patience = db.pragma('busy_timeout', { simple: true }) as number;
    this.statements = {
      begin: db.prepare('BEGIN IMMEDIATE'),
      commit: db.prepare('COMMIT'),
      rollback: db.prepare('ROLLBACK'),
      noPatience: db.prepare('PRAGMA busy_timeout = 0'),
      patience: db.prepare(`PRAGMA busy_timeout = ${patience}`),
    };
  }

  /** Starts at the head of the log: runners behind it catch up on their own, with big batches. */
  async start(): Promise<void> {
    if (!this.stopped) return;
    this.stopped = false;
    await this.open();
  }

  private async open(): Promise<void> {
    try {
      this.last = (await this.store.headPosition()) ?? 'start';
    } catch (error) {
      // The store is unreachable for now: runners read on their own meanwhile (and retry themselves).
      this.options.logger?.error(`log feed could not start: ${error instanceof Error ? error.message : String(error)}`);
      this.retrySoon(() => void this.open());
      return;
    }
    if (!this.stopped) this.running = this.run();
  }

  private retrySoon(again: () => void): void {
    if (this.stopped) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      if (!this.stopped) again();
    }, this.options.retryDelayMs ?? 1000);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.live = false;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.members.clear();
    await this.subscription?.stop();
    await this.running;
  }

  /** Takes the member in when it stands at or past what the feed has handed out; false otherwise. */
  join(member: FeedMember): boolean {
    if (!this.live || this.stopped) return false;
    const position = member.currentPosition();
    if (!notBefore(position, this.last)) return false;
    this.members.set(member, position);
    return true;
  }

  leave(member: FeedMember): void {
    this.members.delete(member);
  }

  /** Names of the runners the feed hands batches to now. */
  memberNames(): string[] {
    return [...this.members.keys()].map((member) => member.name);
  }

  private async run(): Promise<void> {
    const subscription = this.store.subscribeToAll({ fromPosition: this.last });
    this.subscription = subscription;
    this.live = true;
    try {
      for await (const batch of inBatches(subscription, this.batchSize)) {
        if (this.stopped) break;
        // Busy: the writer thread is committing. Try again soon; after a while, wait for the lock.
        for (let attempt = 0; !this.deliver(batch, attempt >= BUSY_ATTEMPTS); attempt++) {
          await new Promise((resolve) => setTimeout(resolve, 1));
          if (this.stopped) return;
        }
        // In the same synchronous step as the delivery: a join never falls between the two.
        this.last = batch[batch.length - 1].position;
        // Only under sustained traffic: after a quiet spell, the next delivery goes out at once.
        const now = Date.now();
        const sustained = now - this.lastDelivery < 2 * this.pauseMs;
        this.lastDelivery = now;
        if (sustained) await new Promise((resolve) => setTimeout(resolve, this.pauseMs));
      }
    } catch (error) {
      this.live = false;
      const members = [...this.members.keys()];
      this.members.clear();
      for (const member of members) member.dropped(error);
      this.options.logger?.error(`log feed failed: ${error instanceof Error ? error.message : String(error)}`);
      this.retrySoon(() => (this.running = this.run()));
    } finally {
      await subscription.stop();
    }
  }

  /**
   * Hands the batch over; false (and nothing done) when the write lock is taken and `patient` is
   * false. The lock is shared with the event store's writer thread, which holds it through its
   * fsync: waiting for it here would block this thread (HTTP, SMTP) for that long.
   */
  private deliver(batch: RecordedEvent[], patient: boolean): boolean {
    const members = [...this.members];
    const applied: Array<[FeedMember, RecordedEvent[]]> = [];
    const letGo: Array<[FeedMember, unknown]> = [];
    const synchronous = members.filter(([member]) => member.applyInTransaction);
    const saving = members.filter(([member]) => member.saveCheckpoint);
    if (synchronous.length > 0 || saving.length > 0) {
      if (!this.begin(patient)) return false;
      try {
        for (const [member, position] of synchronous) {
          const events = after(batch, position);
          if (events.length === 0) continue;
          try {
            // A transaction function called inside a transaction runs in a savepoint of its own.
            if ((member.applyInTransaction as (events: RecordedEvent[]) => boolean)(events)) applied.push([member, events]);
            else letGo.push([member, null]);
          } catch (error) {
            // Some errors end the whole transaction, not just the savepoint: then nothing can commit.
            if (!this.db.inTransaction) throw error;
            letGo.push([member, error]);
          }
        }
        for (const [member] of saving) member.saveCheckpoint?.();
        this.statements.commit.run();
      } catch (error) {
        if (this.db.inTransaction) this.statements.rollback.run();
        // Nothing of this batch was written: every projection goes back to reading on its own.
        applied.length = 0;
        letGo.length = 0;
        for (const [member] of synchronous) letGo.push([member, error]);
      }
    }
    for (const [member, events] of applied) {
      this.members.set(member, events[events.length - 1].position);
      member.committed?.(events);
    }
    for (const [member, position] of members) {
      if (!member.take || !this.members.has(member)) continue;
      const events = after(batch, position);
      if (events.length === 0) continue;
      if ((member.backlog?.() ?? 0) + events.length > this.maxBacklog) {
        letGo.push([member, null]);
        continue;
      }
      const through = events[events.length - 1].position;
      this.members.set(member, through);
      member.take(events, through);
    }
    for (const [member, error] of letGo) {
      this.members.delete(member);
      member.dropped(error);
    }
    return true;
  }

  /** BEGIN IMMEDIATE (the write lock up front: the writer thread may commit between our read and write). */
  private begin(patient: boolean): boolean {
    if (patient) {
      this.statements.begin.run();
      return true;
    }
    this.statements.noPatience.get();
    try {
      this.statements.begin.run();
      return true;
    } catch (error) {
      if ((error as { code?: string }).code === 'SQLITE_BUSY') return false;
      throw error;
    } finally {
      this.statements.patience.get();
    }
  }
}

/** True when `position` is at or past `mark`. */
function notBefore(position: FromPosition, mark: FromPosition): boolean {
  if (mark === 'start') return true;
  return position !== 'start' && position >= mark;
}

function after(batch: RecordedEvent[], position: FromPosition): RecordedEvent[] {
  if (position === 'start' || batch[0].position > position) return batch;
  return batch.filter((event) => event.position > position);
}
