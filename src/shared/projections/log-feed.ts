import type { EventStore, EventSubscription, FromPosition, Position, RecordedEvent } from '../event-store/event-store.port';
import type { SqliteDatabase } from '../sqlite/open-sqlite';
import { inBatches } from './in-batches';
import type { Checkpoint } from './checkpoint.store';
import { after, SqliteFeedApplier, type FeedApplier, type FeedResult } from './feed-applier';
import type { Projection } from './projection';
import { messageOf } from '../error-message';

/** Tries for the write lock without waiting before the feed waits for it (about a millisecond apart). */
const BUSY_ATTEMPTS = 20;

/** A runner the feed hands batches to once it has caught up with the feed. */
export interface FeedMember {
  readonly name: string;
  /** The last position the member has taken (applied, or queued for its own loop). */
  currentPosition(): FromPosition;
  /**
   * Synchronous members (projection runners): the feed's applier applies the batch to this
   * projection in the batch's transaction, in a savepoint of its own so that a failure undoes only
   * its writes; nothing is written when its stored checkpoint moved.
   */
  readonly projection?: Projection;
  /** After the batch's transaction committed what was applied for `projection`. */
  committed?(events: RecordedEvent[]): void;
  /** Asynchronous members (process managers): queue the events and return at once. */
  take?(events: RecordedEvent[], through: RecordedEvent['position']): void;
  /** Events queued and not yet handled: past a limit the member is let go to catch up on its own. */
  backlog?(): number;
  /** A checkpoint that has moved since it was last saved: the feed writes it in its next transaction. */
  checkpointToSave?(): Checkpoint | null;
  /** That transaction committed `checkpoint`. */
  checkpointSaved?(checkpoint: Checkpoint): void;
  /**
   * The feed let go of the member: its batch failed (`error`), its checkpoint moved or it fell
   * behind (`null`), or the feed itself failed. It reads the log on its own again from its checkpoint.
   * `through`: the end of the batch that failed for it, where that is known.
   */
  dropped(error: unknown, through?: Position): void;
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
  /** Where the projections' batches are applied; by default on this thread, to `db`. */
  applier?: FeedApplier;
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
  private readonly applier: FeedApplier;

  constructor(
    private readonly store: EventStore,
    db: SqliteDatabase,
    private readonly options: LogFeedOptions = {},
  ) {
    this.batchSize = options.batchSize ?? 1000;
    this.maxBacklog = options.maxBacklog ?? 10_000;
    this.pauseMs = options.pauseMs ?? 0;
    this.applier = options.applier ?? new SqliteFeedApplier(db);
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
      this.options.logger?.error(`log feed could not start: ${messageOf(error)}`);
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
        for (let attempt = 0; !(await this.deliver(batch, attempt >= BUSY_ATTEMPTS)); attempt++) {
          await new Promise((resolve) => setTimeout(resolve, 1));
          if (this.stopped) return;
        }
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
      this.options.logger?.error(`log feed failed: ${messageOf(error)}`);
      this.retrySoon(() => (this.running = this.run()));
    } finally {
      await subscription.stop();
    }
  }

  /**
   * Hands the batch over; false (and nothing done) when the write lock is taken and `patient` is
   * false. The lock is shared with other writers of the file, which may hold it through a fsync:
   * waiting for it on this thread would block HTTP and SMTP for that long.
   */
  private async deliver(batch: RecordedEvent[], patient: boolean): Promise<boolean> {
    const members = [...this.members];
    const applied: Array<[FeedMember, RecordedEvent[]]> = [];
    const letGo: Array<[FeedMember, unknown, Position?]> = [];
    const batchEnd = batch[batch.length - 1].position;
    const projections = members.filter(([member]) => member.projection);
    const checkpoints = members.flatMap(([member]) => {
      const checkpoint = member.checkpointToSave?.();
      return checkpoint ? [{ member, write: { name: member.name, checkpoint } }] : [];
    });
    if (projections.length > 0 || checkpoints.length > 0) {
      const targets = projections.map(([member, position]) => ({ name: member.name, position, projection: member.projection as Projection }));
      const pending = this.applier.apply(batch, targets, checkpoints.map(({ write }) => write), patient);
      if (pending === 'busy') return false;
      // Handed out from here on: a runner joining while the batch is applied must stand past it.
      this.last = batch[batch.length - 1].position;
      let result: FeedResult;
      try {
        result = await pending;
      } catch (error) {
        result = { committed: false, error: messageOf(error) };
      }
      if (result.committed) {
        const byName = new Map(result.outcomes.map((outcome) => [outcome.name, outcome]));
        for (const [member, position] of projections) {
          const outcome = byName.get(member.name);
          if (!outcome) continue;
          if (outcome.result === 'applied') applied.push([member, after(batch, position)]);
          else if (outcome.result === 'failed') letGo.push([member, new Error(outcome.error), batchEnd]);
          else letGo.push([member, null]);
        }
        for (const { member, write } of checkpoints) member.checkpointSaved?.(write.checkpoint);
      } else {
        // Nothing of this batch was written: every projection goes back to reading on its own.
        for (const [member] of projections) letGo.push([member, new Error(result.error), batchEnd]);
      }
    } else {
      this.last = batch[batch.length - 1].position;
    }
    for (const [member, events] of applied) {
      // A member that left while the batch was applied still learns that its checkpoint moved.
      if (this.members.has(member)) this.members.set(member, events[events.length - 1].position);
      member.committed?.(events);
    }
    for (const [member] of members) {
      // Where it stands now: it may have left and joined again while the batch was applied.
      const position = this.members.get(member);
      if (!member.take || position === undefined) continue;
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
    for (const [member, error, failedThrough] of letGo) {
      if (!this.members.delete(member)) continue;
      member.dropped(error, failedThrough);
    }
    return true;
  }
}

/** True when `position` is at or past `mark`. */
function notBefore(position: FromPosition, mark: FromPosition): boolean {
  if (mark === 'start') return true;
  return position !== 'start' && position >= mark;
}
