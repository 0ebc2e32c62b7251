import type { Statement } from 'better-sqlite3';
import type { RecordedEvent } from '../event-store/event-store.port';
import type { SqliteDatabase } from '../sqlite/open-sqlite';
import type { SubscriptionStatus } from './subscription-status';

/** An event a projection or process manager gave up on, so that the events after it could go on. */
export interface ParkedEvent {
  id: number;
  subscription: string;
  kind: SubscriptionStatus['kind'];
  /** Decimal, like a checkpoint. */
  position: string;
  streamId: string;
  revision: number;
  eventType: string;
  eventId: string;
  accountId: string | null;
  /** The inbound mail the event is about, when it is about one: the failed-mail queue lists it there. */
  inboundId: string | null;
  error: string;
  attempts: number;
  firstAttemptAt: string;
  lastAttemptAt: string;
}

/** What a runner knows when it parks an event. */
export interface Failure {
  error: string;
  attempts: number;
  firstAttemptAt: Date;
  lastAttemptAt: Date;
}

interface Row {
  id: number;
  subscription: string;
  kind: SubscriptionStatus['kind'];
  position: string;
  stream_id: string;
  revision: number;
  event_type: string;
  event_id: string;
  account_id: string | null;
  inbound_id: string | null;
  error: string;
  attempts: number;
  first_attempt_at: string;
  last_attempt_at: string;
}

const toParked = (row: Row): ParkedEvent => ({
  id: row.id,
  subscription: row.subscription,
  kind: row.kind,
  position: row.position,
  streamId: row.stream_id,
  revision: row.revision,
  eventType: row.event_type,
  eventId: row.event_id,
  accountId: row.account_id,
  inboundId: row.inbound_id,
  error: row.error,
  attempts: row.attempts,
  firstAttemptAt: row.first_attempt_at,
  lastAttemptAt: row.last_attempt_at,
});

/**
 * The inbound mail an event belongs to: its data names it (threading's and the conversations'
 * events carry `inboundId`), or it sits on the mail's own stream. Read from the plain envelope, so
 * that parking needs nothing of the event's shape, which may be exactly what is wrong with it.
 */
function inboundIdOf(event: RecordedEvent): string | null {
  const data = event.data as { inboundId?: unknown } | null;
  if (data && typeof data === 'object' && typeof data.inboundId === 'string') return data.inboundId;
  return event.streamId.startsWith('inboundmail-') ? event.streamId.slice('inboundmail-'.length) : null;
}

function accountIdOf(event: RecordedEvent): string | null {
  const fromMetadata = (event.metadata as { accountId?: unknown } | null)?.accountId;
  if (typeof fromMetadata === 'string') return fromMetadata;
  const fromData = (event.data as { accountId?: unknown } | null)?.accountId;
  return typeof fromData === 'string' ? fromData : null;
}

/** The parked events, in the read models' database beside the checkpoints they were written with. */
export class ParkedEventStore {
  private readonly statements: {
    park: Statement;
    all: Statement;
    one: Statement;
    remove: Statement;
    drop: Statement;
    failedAgain: Statement;
    counts: Statement;
    countOf: Statement;
    ofMail: Statement;
  };

  constructor(db: SqliteDatabase) {
    db.exec(`CREATE TABLE IF NOT EXISTS parked_events (
      -- AUTOINCREMENT: an id is never given again, so "retry <id>" cannot reach a later record.
      id               INTEGER PRIMARY KEY AUTOINCREMENT,
      subscription     TEXT NOT NULL,
      kind             TEXT NOT NULL,
      position         TEXT NOT NULL,
      stream_id        TEXT NOT NULL,
      revision         INTEGER NOT NULL,
      event_type       TEXT NOT NULL,
      event_id         TEXT NOT NULL,
      account_id       TEXT,
      inbound_id       TEXT,
      error            TEXT NOT NULL,
      attempts         INTEGER NOT NULL,
      first_attempt_at TEXT NOT NULL,
      last_attempt_at  TEXT NOT NULL,
      UNIQUE (subscription, position)
    ) STRICT;
    CREATE INDEX IF NOT EXISTS parked_events_by_mail ON parked_events (account_id, inbound_id)`);
    this.statements = {
      park: db.prepare(`INSERT INTO parked_events
        (subscription, kind, position, stream_id, revision, event_type, event_id, account_id, inbound_id, error, attempts, first_attempt_at, last_attempt_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (subscription, position) DO UPDATE SET error = excluded.error, attempts = attempts + excluded.attempts,
          last_attempt_at = excluded.last_attempt_at`),
      all: db.prepare('SELECT * FROM parked_events ORDER BY id'),
      one: db.prepare('SELECT * FROM parked_events WHERE id = ?'),
      remove: db.prepare('DELETE FROM parked_events WHERE id = ?'),
      drop: db.prepare('DELETE FROM parked_events WHERE subscription = ?'),
      failedAgain: db.prepare('UPDATE parked_events SET error = ?, attempts = attempts + 1, last_attempt_at = ? WHERE id = ?'),
      counts: db.prepare('SELECT subscription, count(*) AS parked FROM parked_events GROUP BY subscription'),
      countOf: db.prepare('SELECT count(*) FROM parked_events WHERE subscription = ?').pluck(),
      ofMail: db.prepare('SELECT * FROM parked_events WHERE account_id = ? AND inbound_id IS NOT NULL ORDER BY id'),
    };
  }

  /** Call inside the transaction that moves the subscription's checkpoint past the event. */
  park(subscription: string, kind: ParkedEvent['kind'], event: RecordedEvent, failure: Failure): void {
    this.statements.park.run(
      subscription,
      kind,
      event.position.toString(),
      event.streamId,
      event.revision,
      event.type,
      String((event.metadata as { eventId?: unknown } | null)?.eventId ?? ''),
      accountIdOf(event),
      inboundIdOf(event),
      failure.error,
      failure.attempts,
      failure.firstAttemptAt.toISOString(),
      failure.lastAttemptAt.toISOString(),
    );
  }

  list(): ParkedEvent[] {
    return (this.statements.all.all() as Row[]).map(toParked);
  }

  get(id: number): ParkedEvent | null {
    const row = this.statements.one.get(id) as Row | undefined;
    return row ? toParked(row) : null;
  }

  /** The parked events about inbound mail of one account (never another's). */
  ofAccountMail(accountId: string): ParkedEvent[] {
    return (this.statements.ofMail.all(accountId) as Row[]).map(toParked);
  }

  remove(id: number): void {
    this.statements.remove.run(id);
  }

  /** A rebuild replays the subscription's events, these included: its records go with the read model. */
  dropAll(subscription: string): void {
    this.statements.drop.run(subscription);
  }

  failedAgain(id: number, error: string, at: Date): void {
    this.statements.failedAgain.run(error, at.toISOString(), id);
  }

  count(subscription: string): number {
    return Number(this.statements.countOf.get(subscription));
  }

  counts(): Map<string, number> {
    return new Map((this.statements.counts.all() as Array<{ subscription: string; parked: number }>).map((row) => [row.subscription, row.parked]));
  }
}
