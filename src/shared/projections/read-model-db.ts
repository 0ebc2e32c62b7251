import { openSqlite, type SqliteDatabase } from '../sqlite/open-sqlite';

/**
 * A connection to the read models' database, the same on every thread that uses it: NORMAL,
 * since a read model lost in a crash is rebuilt from the log (its checkpoint is lost with it).
 */
export function openReadModelDb(file: string): SqliteDatabase {
  const db = openSqlite(file, { synchronous: 'NORMAL' });
  // 64 MB of page cache instead of SQLite's 2 MB: projections update rows all over tables of a
  // million messages (and FTS5 segments), and a rebuild spends its time re-reading evicted pages.
  db.pragma('cache_size = -65536');
  return db;
}
