// Child process of the projection crash test: runs the tally projection over the log in small
// batches and reports progress, until the parent SIGKILLs it.
import { SqliteEventStore } from '../../src/shared/event-store/sqlite.event-store';
import { openSqlite } from '../../src/shared/sqlite/open-sqlite';
import { ProjectionRunner } from '../../src/shared/projections/projection.runner';
import { tallyProjection } from './tally.projection';

const file = process.argv[2];
const store = new SqliteEventStore(file);
const db = openSqlite(file, { synchronous: 'NORMAL' });
const projection = tallyProjection((count) => {
  if (count % 500 === 0) process.stdout.write(`applied ${count}\n`);
});
new ProjectionRunner(store, db, projection, { batchSize: 25 }).start();
