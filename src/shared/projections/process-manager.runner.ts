import type { EventStore, FromPosition, RecordedEvent } from '../event-store/event-store.port';
import type { SqliteDatabase } from '../sqlite/open-sqlite';
import { CheckpointStore } from './checkpoint.store';
import type { ProcessManager } from './projection';
import { SubscriptionRunner, type SubscriptionRunnerOptions } from './subscription.runner';

/**
 * Feeds one process manager from a durable checkpoint. Delivery is at least once: the checkpoint
 * is saved after each handled event, and a repeat after a crash is absorbed by the deterministic
 * command ids the process manager sends.
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
    for (const event of batch) {
      if (!this.interesting.has(event.type)) continue;
      await this.manager.handle(event);
      this.advanceTo(event);
    }
    this.advanceTo(batch[batch.length - 1]);
    return true;
  }

  private advanceTo(event: RecordedEvent): void {
    this.position = event.position;
    this.checkpoints.save(this.manager.name, { position: event.position, version: 1 });
  }
}
