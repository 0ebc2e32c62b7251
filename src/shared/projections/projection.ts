import type { SqliteDatabase } from '../sqlite/open-sqlite';
import type { Position, RecordedEvent } from '../event-store/event-store.port';

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
  handle(event: RecordedEvent, context: ProcessManagerContext): Promise<void>;
  /**
   * Optional: the events of one batch at once, in log order, so that work for different streams
   * can overlap (and its appends share one commit). Must give the same result as `handle` in turn.
   */
  handleBatch?(events: RecordedEvent[], context: ProcessManagerContext): Promise<void>;
  /**
   * Optional, for a manager that keeps state of its own in the runner's database (written through
   * `ProcessManagerContext.saveWithCheckpoint`): forget what handling the events at `position` and
   * after wrote. The runner calls it before it reads on from its checkpoint (at start, and after a
   * failed batch: those events come again) and in the transaction that parks an event (whose effect
   * never happened), so the state never holds more than what took effect, plus the batch at hand.
   */
  forgetFrom?(position: Position): void;
}

/** What the runner lends a process manager while it handles events. */
export interface ProcessManagerContext {
  /**
   * Runs `write` (synchronous writes to the runner's database) in one transaction with the
   * runner's checkpoint, as far as the batches handled in full have moved it: the manager's state
   * and its place in the log are saved together, and the state is durable before the effects
   * (appends) the manager bases on it. Resolves once committed. `write` must touch nothing but
   * the database: a try that met a busy database is rolled back and made again.
   */
  saveWithCheckpoint<T>(write: () => T): Promise<T>;
}
