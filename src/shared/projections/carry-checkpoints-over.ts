import { existsSync } from 'node:fs';
import { openSqlite } from '../sqlite/open-sqlite';
import { positionFromString } from '../event-store/event-store.port';
import { CheckpointStore } from './checkpoint.store';

/** Never a projection's version: a projection finding it rebuilds its read model. */
const REBUILD = -1;

/**
 * Earlier builds kept the read models in the embedded store's file. On the first start with a file
 * of their own, the process managers keep their place in the log (so nothing they did is done
 * again), and every projection is rebuilt from the log into the new file.
 */
export function carryCheckpointsOver(eventsFile: string, readModelsFile: string): void {
  if (existsSync(readModelsFile) || !existsSync(eventsFile)) return;
  const old = openSqlite(eventsFile, { synchronous: 'FULL' });
  try {
    const hasCheckpoints = old.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'subscription_checkpoints'").get();
    if (!hasCheckpoints) return;
    const rows = old.prepare('SELECT name, position FROM subscription_checkpoints').all() as Array<{ name: string; position: string }>;
    const db = openSqlite(readModelsFile, { synchronous: 'FULL' });
    try {
      const checkpoints = new CheckpointStore(db);
      db.transaction(() => {
        for (const row of rows) checkpoints.save(row.name, { position: positionFromString(row.position), version: REBUILD });
      })();
    } finally {
      db.close();
    }
  } finally {
    old.close();
  }
}
