import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

export type SqliteDatabase = Database.Database;

export interface OpenSqliteOptions {
  /**
   * FULL fsyncs the WAL on every commit: an acknowledged write survives power loss. NORMAL may lose
   * the last commits but never corrupts, which is enough for rebuildable read models.
   */
  synchronous: 'FULL' | 'NORMAL';
}

export function openSqlite(file: string, options: OpenSqliteOptions): SqliteDatabase {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${options.synchronous}`);
  // Another process (a CLI, a second app instance) may hold the write lock for a moment.
  db.pragma('busy_timeout = 10000');
  return db;
}
