import Database, { type Statement } from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { ensureOwnerOnlyFile, tightenToOwner } from '../owner-only-file';

export type SqliteDatabase = Database.Database;

export interface OpenSqliteOptions {
  /**
   * FULL fsyncs the WAL on every commit: an acknowledged write survives power loss. NORMAL may lose
   * the last commits but never corrupts, which is enough for rebuildable read models.
   */
  synchronous: 'FULL' | 'NORMAL';
}

export function openSqlite(file: string, options: OpenSqliteOptions): SqliteDatabase {
  if (file !== ':memory:') {
    mkdirSync(dirname(file), { recursive: true });
    // SQLite gives the -wal and -shm files it creates the mode of the database file.
    ensureOwnerOnlyFile(file);
    for (const companion of ['-wal', '-shm', '-journal']) tightenToOwner(`${file}${companion}`);
  }
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${options.synchronous}`);
  // Another process (a CLI, a second app instance) may hold the write lock for a moment.
  db.pragma('busy_timeout = 10000');
  return db;
}

const statements = new WeakMap<SqliteDatabase, Map<string, Statement>>();

/**
 * The prepared statement for `sql` on `db`, prepared once: projections run the same few statements
 * for every event. (SQLite re-prepares a statement by itself when the schema changes.)
 */
export function prepared(db: SqliteDatabase, sql: string): Statement {
  let cache = statements.get(db);
  if (!cache) {
    cache = new Map();
    statements.set(db, cache);
  }
  let statement = cache.get(sql);
  if (!statement) {
    statement = db.prepare(sql);
    cache.set(sql, statement);
  }
  return statement;
}
