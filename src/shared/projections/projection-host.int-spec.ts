import { join } from 'node:path';
import { SqliteEventStore } from '../event-store/sqlite.event-store';
import { testEvent } from '../event-store/event-store.contract';
import { openSqlite } from '../sqlite/open-sqlite';
import { makeTempDir } from '../../../test/support/temp-dir';
import { readTally, tallyProjection } from '../../../test/support/tally.projection';
import { LogFeed } from './log-feed';
import { ProjectionHost } from './projection-host';
import { ProjectionRunner } from './projection.runner';
import { openReadModelDb } from './read-model-db';

const dir = makeTempDir('inbox-host-');
afterAll(() => dir.cleanup());
const WORKER = join(__dirname, '../../../test/support/tally-host.worker.ts');

describe('ProjectionHost', () => {
  it('applies the feed on its own thread; a projection failing there is let go alone and catches up here', async () => {
    const store = new SqliteEventStore(join(dir.path, 'events.db'));
    const file = join(dir.path, 'read-models.db');
    const db = openReadModelDb(file);
    const host = new ProjectionHost(WORKER, { file, projections: ['tally_a', 'tally_refusing'] });
    const feed = new LogFeed(store, db, { applier: host });
    await feed.start();
    const steady = new ProjectionRunner(store, db, tallyProjection(undefined, 'tally_a'), { feed });
    const errors: string[] = [];
    const logger = { log: () => undefined, error: (message: string) => errors.push(message) };
    const refusing = new ProjectionRunner(store, db, tallyProjection(undefined, 'tally_refusing'), { feed, logger, retryDelayMs: { min: 50, max: 50 } });
    steady.start();
    refusing.start();

    for (let value = 0; value < 30; value++) {
      await Promise.all(
        Array.from({ length: 4 }, (_, s) => store.appendToStream(`n-${s}`, [testEvent('Counted', { value })], { expectedRevision: value === 0 ? 'no_stream' : value - 1 })),
      );
    }
    const head = (await store.headPosition()) as bigint;
    await Promise.all([steady.reached(head), refusing.reached(head)]);

    // The thread refused value 13; this thread's copy of the projection took it while catching up.
    const expected = Array.from({ length: 4 }, (_, s) => ({ stream_id: `n-${s}`, events: 30, total: 435 }));
    expect(readTally(db, 'tally_a')).toEqual(expected);
    expect(readTally(db, 'tally_refusing')).toEqual(expected);
    expect(errors).toEqual([expect.stringContaining('refused 13 on the projection thread')]);
    expect(feed.memberNames()).toContain('tally_a');

    await steady.stop();
    await refusing.stop();
    await feed.stop();
    await host.close();
    db.close();
    await store.close();
  });

  it('refuses to start without every projection the app runs', async () => {
    const file = join(dir.path, 'missing.db');
    const db = openSqlite(file, { synchronous: 'NORMAL' });
    const host = new ProjectionHost(WORKER, { file, projections: ['tally_a', 'conversations'] });
    const event = { streamId: 's', revision: 0, position: 1n, type: 'Counted', data: { value: 1 }, metadata: {} as never, recordedAt: new Date() };
    await expect(host.apply([event], [{ name: 'tally_a', position: 'start', projection: tallyProjection(undefined, 'tally_a') }], [])).rejects.toThrow(
      'no projection named conversations',
    );
    await host.close();
    db.close();
  });

  it('is started ahead of the first batch: start() waits for the thread to load, and fails as the thread does', async () => {
    const file = join(dir.path, 'ahead.db');
    const db = openReadModelDb(file);
    const host = new ProjectionHost(WORKER, { file, projections: ['tally_a'] });
    await host.start();
    const event = { streamId: 's', revision: 0, position: 1n, type: 'Counted', data: { value: 1 }, metadata: {} as never, recordedAt: new Date() };
    await expect(host.apply([event], [{ name: 'tally_a', position: 'start', projection: tallyProjection(undefined, 'tally_a') }], [])).resolves.toBeDefined();
    await host.close();

    const wrongList = new ProjectionHost(WORKER, { file, projections: ['tally_a', 'conversations'] });
    await expect(wrongList.start()).rejects.toThrow('no projection named conversations');
    await wrongList.close();
    db.close();
  });
});
