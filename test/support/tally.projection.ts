import type { Projection } from '../../src/shared/projections/projection';

/**
 * A deliberately non-idempotent read model for runner tests: applying an event twice, or missing
 * one, changes the counts.
 */
export function tallyProjection(onApplied?: (count: number) => void, name = 'tally'): Projection {
  let applied = 0;
  return {
    name,
    version: 1,
    setUp: (db) => db.exec(`CREATE TABLE IF NOT EXISTS ${name} (stream_id TEXT PRIMARY KEY, events INTEGER, total INTEGER)`),
    tearDown: (db) => db.exec(`DROP TABLE IF EXISTS ${name}`),
    apply: (event, db) => {
      const value = (event.data as { value?: number }).value ?? 0;
      db.prepare(
        `INSERT INTO ${name} (stream_id, events, total) VALUES (?, 1, ?)
         ON CONFLICT (stream_id) DO UPDATE SET events = events + 1, total = total + excluded.total`,
      ).run(event.streamId, value);
      applied += 1;
      onApplied?.(applied);
    },
  };
}

export function readTally(db: import('better-sqlite3').Database, name = 'tally'): Array<{ stream_id: string; events: number; total: number }> {
  return db.prepare(`SELECT stream_id, events, total FROM ${name} ORDER BY stream_id`).all() as Array<{
    stream_id: string;
    events: number;
    total: number;
  }>;
}

/** A tally that throws on every event whose data says `poison: true`, until `cured()` says otherwise. */
export function poisonedTally(name: string, cured: () => boolean = () => false): Projection {
  const tally = tallyProjection(undefined, name);
  return {
    ...tally,
    apply: (event, db) => {
      if ((event.data as { poison?: boolean }).poison && !cured()) throw new Error(`${name} cannot take ${event.streamId}@${event.revision}`);
      tally.apply(event, db);
    },
  };
}
