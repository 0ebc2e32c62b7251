import type { EventStore, FromPosition, Position, RecordedEvent } from '../event-store/event-store.port';
import type { SqliteDatabase } from '../sqlite/open-sqlite';
import { CheckpointStore, type Checkpoint } from './checkpoint.store';
import { ParkedEventStore, type Failure, type ParkedEvent } from './parked-events';
import type { ProcessManager, ProcessManagerContext } from './projection';
import { SubscriptionRunner, type SubscriptionRunnerOptions } from './subscription.runner';
import { messageOf } from '../error-message';

/** How long a checkpoint that moved may wait for the feed's next transaction before it is saved alone. */
const CHECKPOINT_DELAY_MS = 1000;

/**
 * Feeds one process manager from a durable checkpoint. Delivery is at least once: the checkpoint
 * is saved after each batch, and a repeat after a crash is absorbed by the deterministic command
 * ids the process manager sends.
 */
export class ProcessManagerRunner extends SubscriptionRunner {
  protected readonly kind = 'process-manager';
  private readonly checkpoints: CheckpointStore;
  private readonly interesting: ReadonlySet<string>;
  private readonly parked: ParkedEventStore;
  /** Handed over by the feed and not handled yet: the events this manager wants, and how far each hand-over reached. */
  private queue: Array<{ events: RecordedEvent[]; through: Position }> = [];
  private queued = 0;
  private draining: Promise<void> | null = null;
  private checkpointMoved = false;
  private checkpointTimer: NodeJS.Timeout | null = null;
  private readonly context: ProcessManagerContext = { saveWithCheckpoint: (write) => this.withCheckpoint(write) };
  /** A manager's write and the moved checkpoint, in one transaction (made once: better-sqlite3 builds a wrapper per call). */
  private readonly writeWithCheckpoint: ReturnType<SqliteDatabase['transaction']>;

  constructor(
    store: EventStore,
    private readonly db: SqliteDatabase,
    private readonly manager: ProcessManager,
    options: SubscriptionRunnerOptions = {},
  ) {
    super(store, manager.name, options);
    this.checkpoints = new CheckpointStore(db);
    this.interesting = new Set(manager.eventTypes);
    this.parked = new ParkedEventStore(db);
    this.writeWithCheckpoint = db.transaction((write: () => unknown) => {
      const result = write();
      if (this.checkpointMoved) this.saveCheckpoint();
      return result;
    });
  }

  protected prepare(): FromPosition {
    const position = this.checkpoints.load(this.manager.name)?.position ?? 'start';
    // What a batch after the checkpoint wrote before it failed or the process died: it comes again.
    this.manager.forgetFrom?.(position === 'start' ? 0n : position + 1n);
    return position;
  }

  protected async process(batch: RecordedEvent[]): Promise<boolean> {
    await this.handle(batch.filter((event) => this.interesting.has(event.type)));
    this.position = batch[batch.length - 1].position;
    // Once per batch: a crash replays at most this batch, and the handlers' command ids absorb that.
    this.saveCheckpoint(true);
    return true;
  }

  protected park(event: RecordedEvent, failure: Failure): boolean {
    const checkpoint = { position: event.position, version: 1 };
    this.db
      .transaction(() => {
        this.parked.park(this.manager.name, 'process-manager', event, failure);
        this.manager.forgetFrom?.(event.position);
        this.checkpoints.save(this.manager.name, checkpoint);
      })
      .immediate();
    this.position = event.position;
    this.checkpointSaved(checkpoint);
    return true;
  }

  protected parkedCount(): number {
    return this.parked.count(this.manager.name);
  }

  /**
   * Hands a parked event to the process manager again (its commands carry deterministic ids, so a
   * part that took effect the first time is not repeated); forgets it when that succeeds, else the
   * record keeps the new error. Returns that error, or null.
   */
  async retryParked(record: ParkedEvent, event: RecordedEvent): Promise<string | null> {
    try {
      if (this.interesting.has(event.type)) await this.manager.handle(event, this.context);
      this.parked.remove(record.id);
      return null;
    } catch (error) {
      const message = messageOf(error);
      this.parked.failedAgain(record.id, message, new Date());
      return message;
    }
  }

  /** From the feed: queued, and handled in order by this runner's own loop, so the feed never waits for it. */
  take(events: RecordedEvent[], through: Position): void {
    const wanted = events.filter((event) => this.interesting.has(event.type));
    this.queue.push({ events: wanted, through });
    this.queued += wanted.length;
    this.draining ??= this.drain().finally(() => (this.draining = null));
  }

  backlog(): number {
    return this.queued;
  }

  /** The checkpoint when it moved since it was last saved: the feed writes it in its next transaction, so it costs no commit of its own. */
  checkpointToSave(): Checkpoint | null {
    return this.checkpointMoved ? { position: this.position, version: 1 } : null;
  }

  /** The feed's transaction saved `checkpoint`. (Had it rolled back, the checkpoint merely lags: delivery is at least once.) */
  checkpointSaved(checkpoint: Checkpoint): void {
    if (checkpoint.position !== this.position) return;
    this.checkpointMoved = false;
    if (this.checkpointTimer) clearTimeout(this.checkpointTimer);
    this.checkpointTimer = null;
  }

  /** Saves the checkpoint (if it moved, unless `always`) in a commit of its own. */
  saveCheckpoint(always = false): void {
    if (!always && !this.checkpointMoved) return;
    const checkpoint = { position: this.position, version: 1 };
    this.checkpoints.save(this.manager.name, checkpoint);
    this.checkpointSaved(checkpoint);
  }

  protected override async settleJoined(): Promise<void> {
    this.queue = [];
    this.queued = 0;
    await this.draining;
    if (this.checkpointMoved) this.saveCheckpoint();
  }

  private async drain(): Promise<void> {
    while (this.joined && this.queue.length > 0) {
      // Everything queued goes in one batch (up to the batch size): handlers overlap work within a batch.
      const events: RecordedEvent[] = [];
      let taken = 0;
      while (taken < this.queue.length && (taken === 0 || events.length + this.queue[taken].events.length <= this.batchSize)) {
        events.push(...this.queue[taken].events);
        taken += 1;
      }
      const through = this.queue[taken - 1].through;
      try {
        await this.handle(events);
      } catch (error) {
        // Back to reading on its own from the last batch handled in full; that one is tried again.
        this.leaveFeed();
        this.queue = [];
        this.queued = 0;
        this.saveCheckpoint(true);
        this.isolate(error, through);
        this.failed(error);
        return;
      }
      // Let go of meanwhile (settleJoined emptied the queue): the batch still counts as handled.
      if (this.joined) {
        this.queue.splice(0, taken);
        this.queued -= events.length;
      }
      this.position = through;
      this.checkpointMoved = true;
      this.checkpointTimer ??= setTimeout(() => {
        this.checkpointTimer = null;
        this.saveLater();
      }, CHECKPOINT_DELAY_MS).unref();
      this.succeeded();
    }
  }

  /**
   * `write` and the checkpoint (if it moved) in one transaction. The write lock is asked for
   * without waiting, and while the projections' thread holds it this waits on the event loop, not
   * in SQLite's busy handler, which would hold up HTTP and SMTP on this thread meanwhile.
   */
  private async withCheckpoint<T>(write: () => T): Promise<T> {
    const patience = this.db.pragma('busy_timeout', { simple: true }) as number;
    for (let waited = 0, pause = 1; waited < patience; waited += pause, pause = Math.min(pause * 2, 20)) {
      this.db.pragma('busy_timeout = 0');
      try {
        return this.writeWithCheckpoint.immediate(write) as T;
      } catch (error) {
        if ((error as { code?: string }).code !== 'SQLITE_BUSY') throw error;
      } finally {
        this.db.pragma(`busy_timeout = ${patience}`);
      }
      await new Promise((resolve) => setTimeout(resolve, pause));
    }
    // Held for as long as SQLite would wait: one last try that does wait, and fails as SQLite does.
    return this.writeWithCheckpoint.immediate(write) as T;
  }

  private saveLater(): void {
    try {
      this.saveCheckpoint();
    } catch (error) {
      // Lagging is harmless (at-least-once); the next save or the next batch brings it up to date.
      this.options.logger?.error(`process-manager ${this.name}: checkpoint not saved: ${messageOf(error)}`);
    }
  }

  private async handle(interesting: RecordedEvent[]): Promise<void> {
    if (this.manager.handleBatch && interesting.length > 1) await this.manager.handleBatch(interesting, this.context);
    else for (const event of interesting) await this.manager.handle(event, this.context);
  }
}
