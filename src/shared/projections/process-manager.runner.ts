import type { EventStore, FromPosition, RecordedEvent } from '../event-store/event-store.port';
import type { SqliteDatabase } from '../sqlite/open-sqlite';
import { CheckpointStore } from './checkpoint.store';
import type { ProcessManager } from './projection';
import { SubscriptionRunner, type SubscriptionRunnerOptions } from './subscription.runner';

/**
 * Feeds one process manager from a durable checkpoint. Delivery is at least once: the checkpoint
 * is saved after each batch, and a repeat after a crash is absorbed by the deterministic command
 * ids the process manager sends.
 */
export class ProcessManagerRunner extends SubscriptionRunner {
  protected readonly kind = 'process-manager';
  private readonly checkpoints: CheckpointStore;
  private readonly interesting: ReadonlySet<string>;

  constructor(
    store: EventStore,
    db: SqliteDatabase,
    private readonly manager: ProcessManager,
    options: SubscriptionRunnerOptions = {},
  ) {
    super(store, manager.name, options);
    this.checkpoints = new CheckpointStore(db);
    this.interesting = new Set(manager.eventTypes);
  }

  protected prepare(): FromPosition {
    return this.checkpoints.load(this.manager.name)?.position ?? 'start';
  }

  protected async process(batch: RecordedEvent[]): Promise<boolean> {
    const interesting = batch.filter((event) => this.interesting.has(event.type));
    if (this.manager.handleBatch && interesting.length > 1) await this.manager.handleBatch(interesting);
    else for (const event of interesting) await this.manager.handle(event);
    this.position = batch[batch.length - 1].position;
    // Once per batch: a crash replays at most this batch, and the handlers' command ids absorb that.
    this.checkpoints.save(this.manager.name, { position: this.position, version: 1 });
    return true;
  }
}
