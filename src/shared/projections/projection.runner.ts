import type { Transaction } from 'better-sqlite3';
import type { EventStore, FromPosition, RecordedEvent } from '../event-store/event-store.port';
import type { SqliteDatabase } from '../sqlite/open-sqlite';
import { CheckpointStore } from './checkpoint.store';
import { projectionTransaction } from './feed-applier';
import { inBatches } from './in-batches';
import { mayBlameTheEvent } from './failure-cause';
import { ParkedEventStore, type Failure, type ParkedEvent } from './parked-events';
import type { Projection } from './projection';
import { SubscriptionRunner, type SubscriptionRunnerOptions } from './subscription.runner';
import { messageOf } from '../error-message';

/**
 * A rebuild commits this many events at a time, not the live batch size: commits are where a replay
 * spends its time (rewriting the same hot index pages), and 10x fewer of them made the conversations
 * and search projections replay ~1.5x faster over a million messages. Live batches stay small, so
 * an append never waits long for the file's write lock.
 */
const REBUILD_BATCH_SIZE = 10_000;

/** Keeps one projection's read model up to date; each batch and its checkpoint commit together. */
export class ProjectionRunner extends SubscriptionRunner {
  protected readonly kind = 'projection';
  private readonly checkpoints: CheckpointStore;
  private readonly applyBatch: Transaction<(batch: RecordedEvent[], expected: FromPosition) => boolean>;
  private readonly parked: ParkedEventStore;
  private readonly parkOne: Transaction<(event: RecordedEvent, failure: Failure, expected: FromPosition) => boolean>;

  constructor(
    store: EventStore,
    private readonly db: SqliteDatabase,
    /** The feed applies its batches to it while this runner is a member (see LogFeed). */
    readonly projection: Projection,
    options: SubscriptionRunnerOptions = {},
  ) {
    super(store, projection.name, options);
    this.checkpoints = new CheckpointStore(db);
    this.applyBatch = projectionTransaction(db, this.checkpoints, projection);
    this.parked = new ParkedEventStore(db);
    this.parkOne = db.transaction((event: RecordedEvent, failure: Failure, expected: FromPosition) => {
      const stored = this.checkpoints.load(projection.name)?.position ?? 'start';
      if (stored !== expected) return false;
      this.parked.park(projection.name, 'projection', event, failure);
      this.checkpoints.save(projection.name, { position: event.position, version: projection.version });
      return true;
    });
  }

  protected prepare(): FromPosition {
    const checkpoint = this.checkpoints.load(this.projection.name);
    if (checkpoint && checkpoint.version === this.projection.version) {
      this.projection.setUp(this.db);
      return checkpoint.position;
    }
    this.options.logger?.log(`projection ${this.name}: version ${this.projection.version} is new, rebuilding`);
    this.reset();
    return 'start';
  }

  protected process(batch: RecordedEvent[]): boolean {
    // IMMEDIATE: the event store's writer thread may commit between a read and a write of ours.
    if (!this.applyBatch.immediate(batch, this.position)) return false;
    this.position = batch[batch.length - 1].position;
    return true;
  }

  protected park(event: RecordedEvent, failure: Failure): boolean {
    if (!this.parkOne.immediate(event, failure, this.position)) return false;
    this.position = event.position;
    return true;
  }

  protected parkedCount(): number {
    return this.parked.count(this.projection.name);
  }

  /**
   * Applies a parked event again (the projection has been fixed, say) and, when it takes, forgets
   * it, in one transaction; otherwise the record keeps the new error. Returns that error, or null.
   */
  retryParked(record: ParkedEvent, event: RecordedEvent): string | null {
    try {
      this.db.transaction(() => {
        this.projection.apply(event, this.db);
        this.parked.remove(record.id);
      }).immediate();
      return null;
    } catch (error) {
      const message = messageOf(error);
      this.parked.failedAgain(record.id, message, new Date());
      return message;
    }
  }

  committed(events: RecordedEvent[]): void {
    this.position = events[events.length - 1].position;
    this.succeeded();
  }

  /** Drops the read model and its checkpoint; the next run replays the whole log. */
  reset(): void {
    this.db
      .transaction(() => {
        this.projection.tearDown(this.db);
        this.projection.setUp(this.db);
        // The replay meets these events again, and parks them again if they still fail.
        this.parked.dropAll(this.projection.name);
        this.checkpoints.save(this.projection.name, { position: 'start', version: this.projection.version });
      })
      .immediate();
    this.position = 'start';
  }

  /** Drops the read model and replays the log up to the head it had when called; returns the events applied. */
  async rebuild(): Promise<number> {
    this.reset();
    const head = await this.store.headPosition();
    if (head === null) return 0;
    const subscription = this.store.subscribeToAll({ fromPosition: 'start' });
    let applied = 0;
    try {
      for await (const batch of inBatches(subscription, REBUILD_BATCH_SIZE)) {
        applied += this.rebuildBatch(batch);
        if (batch[batch.length - 1].position >= head) break;
      }
    } finally {
      await subscription.stop();
    }
    return applied;
  }

  /**
   * One batch of a rebuild; a batch that fails goes again in single events and the ones that fail
   * alone are parked at once (a replay gives the same answer each time). Returns the events applied.
   */
  private rebuildBatch(batch: RecordedEvent[]): number {
    if (this.applyForRebuild(batch) === 'applied') return batch.length;
    let applied = 0;
    for (const event of batch) {
      const outcome = this.applyForRebuild([event]);
      if (outcome === 'applied') {
        applied += 1;
        continue;
      }
      const now = new Date();
      if (!this.park(event, { error: outcome.error, attempts: 1, firstAttemptAt: now, lastAttemptAt: now })) throw this.movedDuringRebuild();
      this.options.logger?.error(`projection ${this.name} parked ${event.type} at ${event.position} (${event.streamId}) during the rebuild: ${outcome.error}`);
    }
    return applied;
  }

  /** Applied, or the error that may be the events' fault; anything else (a full disk, a moved checkpoint) ends the rebuild. */
  private applyForRebuild(events: RecordedEvent[]): 'applied' | { error: string } {
    let applied: boolean;
    try {
      applied = this.process(events);
    } catch (error) {
      if (!mayBlameTheEvent(error)) throw error;
      return { error: messageOf(error) };
    }
    if (!applied) throw this.movedDuringRebuild();
    return 'applied';
  }

  private movedDuringRebuild(): Error {
    return new Error(`projection ${this.name}: checkpoint moved during the rebuild`);
  }
}
