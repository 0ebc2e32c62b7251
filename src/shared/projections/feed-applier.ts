import type { Statement, Transaction } from 'better-sqlite3';
import type { FromPosition, RecordedEvent } from '../event-store/event-store.port';
import type { SqliteDatabase } from '../sqlite/open-sqlite';
import { CheckpointStore, type Checkpoint } from './checkpoint.store';
import type { Projection } from './projection';
import { messageOf } from '../error-message';

/** One projection a batch is for, and the position it stands at (it takes only the events after it). */
export interface FeedTarget {
  name: string;
  position: FromPosition;
}

/** A checkpoint that moved (a process manager's), written in the batch's transaction. */
export interface CheckpointWrite {
  name: string;
  checkpoint: Checkpoint;
}

/** What became of a target: applied, its stored checkpoint had moved (nothing done), or it failed (nothing of it kept). */
export type FeedOutcome = { name: string; result: 'applied' | 'moved' } | { name: string; result: 'failed'; error: string };

/** A batch's transaction: committed with an outcome per target it had events for, or rolled back whole. */
export type FeedResult = { committed: true; outcomes: FeedOutcome[] } | { committed: false; error: string };

/**
 * Applies the live feed's batches to the read models: on this thread (`SqliteFeedApplier`) or on a
 * thread of its own (`ProjectionHost`). `'busy'` (nothing done) when the write lock is taken and `patient`
 * is false: only an applier on the thread serving HTTP and SMTP says so, since waiting there
 * would block them.
 */
export interface FeedApplier {
  apply(
    batch: RecordedEvent[],
    targets: Array<FeedTarget & { projection: Projection }>,
    checkpoints: CheckpointWrite[],
    patient: boolean,
  ): FeedResult | 'busy' | Promise<FeedResult>;
}

/**
 * One projection's batch and its checkpoint as one transaction (a savepoint when nested): false,
 * with nothing written, when the stored checkpoint is not `expected` (a rebuild moved it).
 */
export function projectionTransaction(
  db: SqliteDatabase,
  checkpoints: CheckpointStore,
  projection: Projection,
): Transaction<(batch: RecordedEvent[], expected: FromPosition) => boolean> {
  return db.transaction((batch: RecordedEvent[], expected: FromPosition) => {
    const stored = checkpoints.load(projection.name)?.position ?? 'start';
    if (stored !== expected) return false;
    for (const event of batch) projection.apply(event, db);
    checkpoints.save(projection.name, { position: batch[batch.length - 1].position, version: projection.version });
    return true;
  });
}

/**
 * Applies a batch to every target in one transaction, each in a savepoint of its own so that a
 * failure undoes only that projection's writes, and saves the moved checkpoints with them.
 */
export class SqliteFeedApplier implements FeedApplier {
  private readonly checkpoints: CheckpointStore;
  private readonly transactions = new Map<Projection, ReturnType<typeof projectionTransaction>>();
  private readonly statements: { begin: Statement; commit: Statement; rollback: Statement; noPatience: Statement; patience: Statement };

  constructor(private readonly db: SqliteDatabase) {
    this.checkpoints = new CheckpointStore(db);
    const patience = db.pragma('busy_timeout', { simple: true }) as number;
    this.statements = {
      begin: db.prepare('BEGIN IMMEDIATE'),
      commit: db.prepare('COMMIT'),
      rollback: db.prepare('ROLLBACK'),
      noPatience: db.prepare('PRAGMA busy_timeout = 0'),
      patience: db.prepare(`PRAGMA busy_timeout = ${patience}`),
    };
  }

  apply(
    batch: RecordedEvent[],
    targets: Array<FeedTarget & { projection: Projection }>,
    checkpoints: CheckpointWrite[],
    patient: boolean,
  ): FeedResult | 'busy' {
    if (!this.begin(patient)) return 'busy';
    const outcomes: FeedOutcome[] = [];
    try {
      for (const target of targets) {
        const events = after(batch, target.position);
        if (events.length === 0) continue;
        try {
          const applied = this.transactionOf(target.projection)(events, target.position);
          outcomes.push({ name: target.name, result: applied ? 'applied' : 'moved' });
        } catch (error) {
          // Some errors end the whole transaction, not just the savepoint: then nothing can commit.
          if (!this.db.inTransaction) throw error;
          outcomes.push({ name: target.name, result: 'failed', error: messageOf(error) });
        }
      }
      for (const write of checkpoints) this.checkpoints.save(write.name, write.checkpoint);
      this.statements.commit.run();
      return { committed: true, outcomes };
    } catch (error) {
      if (this.db.inTransaction) this.statements.rollback.run();
      return { committed: false, error: messageOf(error) };
    }
  }

  private transactionOf(projection: Projection): ReturnType<typeof projectionTransaction> {
    let transaction = this.transactions.get(projection);
    if (!transaction) {
      transaction = projectionTransaction(this.db, this.checkpoints, projection);
      this.transactions.set(projection, transaction);
    }
    return transaction;
  }

  /** BEGIN IMMEDIATE (the write lock up front: another connection may commit between our read and write). */
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

export function after(batch: RecordedEvent[], position: FromPosition): RecordedEvent[] {
  if (position === 'start' || batch[0].position > position) return batch;
  return batch.filter((event) => event.position > position);
}

