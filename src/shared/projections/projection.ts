import type { SqliteDatabase } from '../sqlite/open-sqlite';
import type { RecordedEvent } from '../event-store/event-store.port';

/**
 * A read model fed by the global log. `apply` runs inside the runner's transaction together with
 * the checkpoint update, so each event takes effect exactly once. It must be synchronous.
 */
export interface Projection {
  readonly name: string;
  /** Bump it when the read model's shape or meaning changes: the runner then rebuilds from the start. */
  readonly version: number;
  /** Creates the read model's tables when missing. */
  setUp(db: SqliteDatabase): void;
  /** Drops everything the read model owns. */
  tearDown(db: SqliteDatabase): void;
  apply(event: RecordedEvent, db: SqliteDatabase): void;
}

/** A projection is a plain class over a SQLite handle, so either thread builds its own without Nest. */
export type ProjectionClass = new () => Projection;

/**
 * Turns events into commands. It may be handed an event more than once (after a crash, before the
 * checkpoint was saved), so the commands it sends carry deterministic ids.
 */
export interface ProcessManager {
  readonly name: string;
  readonly eventTypes: readonly string[];
  handle(event: RecordedEvent): Promise<void>;
  /**
   * Optional: the events of one batch at once, in log order, so that work for different streams
   * can overlap (and its appends share one commit). Must give the same result as `handle` in turn.
   */
  handleBatch?(events: RecordedEvent[]): Promise<void>;
}
