import { existsSync } from 'node:fs';
import { openSqlite } from '../sqlite/open-sqlite';
import { positionFromString } from '../event-store/event-store.port';
import { CheckpointStore } from './checkpoint.store';

/** Never a projection's version: a projection finding it rebuilds its read model. */
const REBUILD = -1;

/** A subscription's place in the log, as `subscription_checkpoints` stores it. */
export interface CarriedCheckpoint {
  name: string;
  position: string;
}

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
    seedReadModels(readModelsFile, old.prepare('SELECT name, position FROM subscription_checkpoints').all() as CarriedCheckpoint[]);
  } finally {
    old.close();
  }
}

/**
 * A new read-model file holding only `checkpoints`: on start every projection finds a version it
 * does not know and rebuilds from the log, and every process manager goes on from its place. (A
 * restore from backup starts the same way.)
 */
export function seedReadModels(readModelsFile: string, checkpoints: readonly CarriedCheckpoint[]): void {
  const db = openSqlite(readModelsFile, { synchronous: 'FULL' });
  try {
    const store = new CheckpointStore(db);
    db.transaction(() => {
      for (const row of checkpoints) store.save(row.name, { position: positionFromString(row.position), version: REBUILD });
    })();
  } finally {
    db.close();
  }
}
