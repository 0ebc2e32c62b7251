import { join } from 'node:path';
import { SqliteEventStore } from '../event-store/sqlite.event-store';
import { testEvent } from '../event-store/event-store.contract';
import { openSqlite } from '../sqlite/open-sqlite';
import { makeTempDir } from '../../../test/support/temp-dir';
import { exited, onLines, spawnTs } from '../../../test/support/spawn-ts';
import { readTally, tallyProjection } from '../../../test/support/tally.projection';
import { ProjectionRunner } from './projection.runner';

const dir = makeTempDir('inbox-projection-');
afterAll(() => dir.cleanup());

async function seed(store: SqliteEventStore, streams: number, perStream: number): Promise<void> {
  for (let i = 0; i < perStream; i++) {
    await Promise.all(
      Array.from({ length: streams }, (_, s) =>
        store.appendToStream(`tally-${s}`, [testEvent('Counted', { value: s + i })], {
          expectedRevision: i === 0 ? 'no_stream' : i - 1,
        }),
      ),
    );
  }
}

async function waitUntilCaughtUp(runner: ProjectionRunner, { tolerateErrors = false } = {}): Promise<void> {
  for (;;) {
    const status = await runner.status();
    if (status.caughtUp && status.state === 'live') return;
    if (status.lastError && !tolerateErrors) throw new Error(status.lastError);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('ProjectionRunner', () => {
  it('ends equal to a full rebuild after being killed mid-stream and restarted', async () => {
    const file = join(dir.path, 'inbox.db');
    const store = new SqliteEventStore(file);
    await seed(store, 40, 250);

    const child = spawnTs('test/support/project-until-killed.ts', [file]);
    await new Promise<void>((resolve) =>
      onLines(child, (line) => {
        if (line === 'applied 3000') resolve();
      }),
    );
    child.kill('SIGKILL');
    await exited(child);

    const db = openSqlite(file, { synchronous: 'NORMAL' });
    const partial = db.prepare("SELECT position FROM subscription_checkpoints WHERE name = 'tally'").pluck().get();
    expect(Number(partial)).toBeGreaterThan(0);
    expect(Number(partial)).toBeLessThan(10_000);

    const resumed = new ProjectionRunner(store, db, tallyProjection());
    resumed.start();
    await waitUntilCaughtUp(resumed);
    await resumed.stop();
    const afterRestart = readTally(db);

    const rebuiltDb = openSqlite(join(dir.path, 'rebuilt.db'), { synchronous: 'NORMAL' });
    const applied = await new ProjectionRunner(store, rebuiltDb, tallyProjection()).rebuild();
    expect(applied).toBe(10_000);
    expect(afterRestart).toEqual(readTally(rebuiltDb));
    expect(afterRestart).toHaveLength(40);
    expect(afterRestart[0]).toEqual({ stream_id: 'tally-0', events: 250, total: (249 * 250) / 2 });

    db.close();
    rebuiltDb.close();
    await store.close();
  });

  it('lets timers and requests run during a long catch-up', async () => {
    const store = new SqliteEventStore(join(dir.path, 'busy.db'));
    await seed(store, 40, 500);
    const db = openSqlite(join(dir.path, 'busy-models.db'), { synchronous: 'NORMAL' });
    let applied = 0;
    const runner = new ProjectionRunner(store, db, tallyProjection((count) => (applied = count)));
    const timerFiredAfter = new Promise<number>((resolve) => setTimeout(() => resolve(applied), 0));
    runner.start();
    // The timer is due at once; it must not wait for all 20,000 events.
    expect(await timerFiredAfter).toBeLessThan(20_000);
    await waitUntilCaughtUp(runner);
    expect(applied).toBe(20_000);
    await runner.stop();
    await store.close();
    db.close();
  });

  it('lets go of whoever waits for a position it will never reach once it is stopped', async () => {
    const store = new SqliteEventStore(join(dir.path, 'halt.db'));
    await seed(store, 2, 5);
    const db = openSqlite(join(dir.path, 'halt-models.db'), { synchronous: 'NORMAL' });
    const runner = new ProjectionRunner(store, db, tallyProjection());
    runner.start();
    await waitUntilCaughtUp(runner);
    let released = false;
    const waiting = runner.reached(1_000_000n).then(() => (released = true));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(released).toBe(false);
    await runner.stop();
    await waiting;
    expect(released).toBe(true);
    await store.close();
    db.close();
  });

  it('follows live appends after catching up, one transaction per batch', async () => {
    const file = join(dir.path, 'live.db');
    const store = new SqliteEventStore(file);
    const db = openSqlite(file, { synchronous: 'NORMAL' });
    const runner = new ProjectionRunner(store, db, tallyProjection());
    runner.start();
    await seed(store, 3, 10);
    await waitUntilCaughtUp(runner);
    expect(readTally(db).map((row) => row.events)).toEqual([10, 10, 10]);
    await runner.stop();
    db.close();
    await store.close();
  });

  it('rebuilds from the start when the projection version changes', async () => {
    const file = join(dir.path, 'version.db');
    const store = new SqliteEventStore(file);
    await seed(store, 2, 5);
    const db = openSqlite(file, { synchronous: 'NORMAL' });
    await new ProjectionRunner(store, db, tallyProjection()).rebuild();
    db.exec("UPDATE tally SET events = 999 WHERE stream_id = 'tally-0'");

    const runner = new ProjectionRunner(store, db, { ...tallyProjection(), version: 2 });
    runner.start();
    await waitUntilCaughtUp(runner);
    await runner.stop();
    expect(readTally(db).map((row) => row.events)).toEqual([5, 5]);
    db.close();
    await store.close();
  });

  it('retries a failing batch from its checkpoint and reports the error meanwhile', async () => {
    const file = join(dir.path, 'failing.db');
    const store = new SqliteEventStore(file);
    await seed(store, 1, 3);
    const db = openSqlite(file, { synchronous: 'NORMAL' });
    let failuresLeft = 2;
    const base = tallyProjection();
    const flaky = {
      ...base,
      apply: (...args: Parameters<typeof base.apply>) => {
        if (failuresLeft > 0) {
          failuresLeft -= 1;
          throw new Error('disk hiccup');
        }
        base.apply(...args);
      },
    };
    const runner = new ProjectionRunner(store, db, flaky, { retryDelayMs: { min: 10, max: 20 } });
    runner.start();
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect((await runner.status()).lastError).toBe('disk hiccup');
    await waitUntilCaughtUp(runner, { tolerateErrors: true });
    expect((await runner.status()).lastError).toBeNull();
    await runner.stop();
    expect(readTally(db)).toEqual([{ stream_id: 'tally-0', events: 3, total: 3 }]);
    db.close();
    await store.close();
  });
});
