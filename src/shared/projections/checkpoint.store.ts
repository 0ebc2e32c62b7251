import type { Statement } from 'better-sqlite3';
import type { SqliteDatabase } from '../sqlite/open-sqlite';
import { positionFromString, positionToString, type FromPosition } from '../event-store/event-store.port';

export interface Checkpoint {
  position: FromPosition;
  version: number;
}

/** Where each projection and process manager stands in the log, in the read-model database. */
export class CheckpointStore {
  private readonly select: Statement;
  private readonly upsert: Statement;

  constructor(private readonly db: SqliteDatabase) {
    db.exec(`CREATE TABLE IF NOT EXISTS subscription_checkpoints (
      name       TEXT PRIMARY KEY,
      position   TEXT NOT NULL,
      version    INTEGER NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT`);
    this.select = db.prepare('SELECT position, version FROM subscription_checkpoints WHERE name = ?');
    this.upsert = db.prepare(`INSERT INTO subscription_checkpoints (name, position, version, updated_at)
      VALUES (?, ?, ?, ?)
      ON CONFLICT (name) DO UPDATE SET position = excluded.position, version = excluded.version, updated_at = excluded.updated_at`);
  }

  load(name: string): Checkpoint | null {
    const row = this.select.get(name) as { position: string; version: number } | undefined;
    return row ? { position: positionFromString(row.position), version: row.version } : null;
  }

  save(name: string, checkpoint: Checkpoint): void {
    this.upsert.run(name, positionToString(checkpoint.position), checkpoint.version, new Date().toISOString());
  }
}
