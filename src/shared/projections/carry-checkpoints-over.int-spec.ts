import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { openSqlite } from '../sqlite/open-sqlite';
import { makeTempDir } from '../../../test/support/temp-dir';
import { CheckpointStore } from './checkpoint.store';
import { carryCheckpointsOver } from './carry-checkpoints-over';

const dir = makeTempDir('inbox-carry-');
afterAll(() => dir.cleanup());

describe('carrying checkpoints over to a read-model file of their own', () => {
  it('keeps every position and marks each for a rebuild, once', () => {
    const events = join(dir.path, 'inbox.db');
    const readModels = join(dir.path, 'read-models.db');
    const old = openSqlite(events, { synchronous: 'FULL' });
    new CheckpointStore(old).save('threading', { position: 340n, version: 1 });
    new CheckpointStore(old).save('conversations', { position: 338n, version: 3 });
    old.close();

    carryCheckpointsOver(events, readModels);
    const db = openSqlite(readModels, { synchronous: 'NORMAL' });
    const checkpoints = new CheckpointStore(db);
    expect(checkpoints.load('threading')).toEqual({ position: 340n, version: -1 });
    expect(checkpoints.load('conversations')).toEqual({ position: 338n, version: -1 });
    checkpoints.save('conversations', { position: 400n, version: 3 });
    db.close();
    // The new file exists now: nothing is carried again.
    carryCheckpointsOver(events, readModels);
    expect(new CheckpointStore(openSqlite(readModels, { synchronous: 'NORMAL' })).load('conversations')).toEqual({ position: 400n, version: 3 });
  });

  it('does nothing on a fresh data directory', () => {
    carryCheckpointsOver(join(dir.path, 'none.db'), join(dir.path, 'none-read-models.db'));
    expect(existsSync(join(dir.path, 'none-read-models.db'))).toBe(false);
  });
});
