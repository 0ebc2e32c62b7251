import { join } from 'node:path';
import { SqliteEventStore } from '../event-store/sqlite.event-store';
import { testEvent } from '../event-store/event-store.contract';
import type { RecordedEvent } from '../event-store/event-store.port';
import { openSqlite, type SqliteDatabase } from '../sqlite/open-sqlite';
import { makeTempDir } from '../../../test/support/temp-dir';
import { readTally, tallyProjection } from '../../../test/support/tally.projection';
import { LogFeed } from './log-feed';
import { ProcessManagerRunner } from './process-manager.runner';
import type { ProcessManager, Projection } from './projection';
import { ProjectionRunner } from './projection.runner';
import type { SubscriptionRunner } from './subscription.runner';

const dir = makeTempDir('inbox-feed-');
afterAll(() => dir.cleanup());

/** Appends `count` events spread over `streams` streams, `parallel` appends at a time, like live traffic. */
async function traffic(store: SqliteEventStore, prefix: string, streams: number, perStream: number): Promise<void> {
  for (let i = 0; i < perStream; i++) {
    await Promise.all(
      Array.from({ length: streams }, (_, s) =>
        store.appendToStream(`${prefix}-${s}`, [testEvent('Counted', { value: i })], { expectedRevision: i === 0 ? 'no_stream' : i - 1 }),
      ),
    );
  }
}

async function waitFor(condition: () => Promise<boolean> | boolean, what: string): Promise<void> {
  for (let i = 0; i < 1000; i++) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`timed out waiting for ${what}`);
}

const caughtUp = async (runner: SubscriptionRunner) => {
  const status = await runner.status();
  return status.caughtUp && status.state === 'live' && status.lastError === null;
};

/** Records every event it is handed, in order. */
function recorder(name: string, seen: bigint[], options: { failAt?: bigint; failures?: number; delayMs?: number } = {}): ProcessManager {
  let failuresLeft = options.failures ?? 0;
  const handle = async (event: RecordedEvent) => {
    if (options.delayMs) await new Promise((resolve) => setTimeout(resolve, options.delayMs));
    if (event.position === options.failAt && failuresLeft > 0) {
      failuresLeft -= 1;
      throw new Error(`${name} refuses ${event.position}`);
    }
    seen.push(event.position);
  };
  return { name, eventTypes: ['Counted'], handle };
}

function setUp(file: string): { store: SqliteEventStore; db: SqliteDatabase; feed: LogFeed } {
  const store = new SqliteEventStore(file);
  const db = openSqlite(file, { synchronous: 'NORMAL' });
  return { store, db, feed: new LogFeed(store, db, { maxBacklog: 50 }) };
}

describe('LogFeed', () => {
  it('hands batches to runners once they caught up, and they end as a rebuild would', async () => {
    const file = join(dir.path, 'joined.db');
    const { store, db, feed } = setUp(file);
    await traffic(store, 'early', 5, 20);
    await feed.start();
    const runners: SubscriptionRunner[] = [
      new ProjectionRunner(store, db, tallyProjection(undefined, 'tally_a'), { feed }),
      new ProjectionRunner(store, db, tallyProjection(undefined, 'tally_b'), { feed }),
    ];
    const seen: bigint[] = [];
    runners.push(new ProcessManagerRunner(store, db, recorder('recorder', seen), { feed }));
    for (const runner of runners) runner.start();
    await traffic(store, 'live', 8, 30);
    const head = (await store.headPosition()) as bigint;
    await Promise.all(runners.map((runner) => runner.reached(head)));

    expect(feed.memberNames().sort()).toEqual(['recorder', 'tally_a', 'tally_b']);
    const rebuilt = openSqlite(join(dir.path, 'joined-rebuilt.db'), { synchronous: 'NORMAL' });
    await new ProjectionRunner(store, rebuilt, tallyProjection()).rebuild();
    expect(readTally(db, 'tally_a')).toEqual(readTally(rebuilt));
    expect(readTally(db, 'tally_b')).toEqual(readTally(rebuilt));
    expect(readTally(rebuilt)).toHaveLength(13);
    expect(seen).toEqual(Array.from({ length: 340 }, (_, i) => BigInt(i + 1)));

    for (const runner of runners) await runner.stop();
    await feed.stop();
    // Stopping saved where each one stands, process managers included.
    const checkpoints = db.prepare('SELECT name, position FROM subscription_checkpoints ORDER BY name').all();
    expect(checkpoints).toEqual([
      { name: 'recorder', position: '340' },
      { name: 'tally_a', position: '340' },
      { name: 'tally_b', position: '340' },
    ]);
    rebuilt.close();
    db.close();
    await store.close();
  });

  it('a failing projection is let go alone: the others keep going, and it catches up without a gap or a repeat', async () => {
    const file = join(dir.path, 'failing-projection.db');
    const { store, db, feed } = setUp(file);
    await feed.start();
    const base = tallyProjection(undefined, 'tally_flaky');
    let failuresLeft = 3;
    const flaky: Projection = {
      ...base,
      apply: (event, database) => {
        base.apply(event, database);
        // Its own writes of the batch so far are undone with it: a repeat would count twice.
        if (event.position === 40n && failuresLeft > 0) {
          failuresLeft -= 1;
          throw new Error('disk hiccup');
        }
      },
    };
    const failing = new ProjectionRunner(store, db, flaky, { feed, retryDelayMs: { min: 100, max: 100 } });
    const steady = new ProjectionRunner(store, db, tallyProjection(undefined, 'tally_steady'), { feed });
    const seen: bigint[] = [];
    const manager = new ProcessManagerRunner(store, db, recorder('recorder', seen), { feed });
    for (const runner of [failing, steady, manager]) runner.start();

    await traffic(store, 'live', 4, 20);
    const head = (await store.headPosition()) as bigint;
    await steady.reached(head);
    await manager.reached(head);
    expect((await failing.status()).lastError).toBe('disk hiccup');
    expect(seen).toEqual(Array.from({ length: 80 }, (_, i) => BigInt(i + 1)));

    await waitFor(() => caughtUp(failing), 'the failing projection to catch up');
    await traffic(store, 'after', 2, 5);
    const end = (await store.headPosition()) as bigint;
    await Promise.all([failing.reached(end), steady.reached(end)]);
    expect(readTally(db, 'tally_flaky')).toEqual(readTally(db, 'tally_steady'));
    expect(readTally(db, 'tally_steady').reduce((sum, row) => sum + row.events, 0)).toBe(90);
    expect(feed.memberNames().sort()).toEqual(['recorder', 'tally_flaky', 'tally_steady']);

    for (const runner of [failing, steady, manager]) await runner.stop();
    await feed.stop();
    db.close();
    await store.close();
  });

  it('a failing process manager holds up neither the projections nor the other process managers, and retries from its checkpoint', async () => {
    const file = join(dir.path, 'failing-manager.db');
    const { store, db, feed } = setUp(file);
    await feed.start();
    const failingSeen: bigint[] = [];
    const steadySeen: bigint[] = [];
    const failing = new ProcessManagerRunner(store, db, recorder('failing', failingSeen, { failAt: 30n, failures: 2 }), {
      feed,
      retryDelayMs: { min: 300, max: 300 },
    });
    const steady = new ProcessManagerRunner(store, db, recorder('steady', steadySeen), { feed });
    const projection = new ProjectionRunner(store, db, tallyProjection(undefined, 'tally'), { feed });
    for (const runner of [failing, steady, projection]) runner.start();

    await traffic(store, 'live', 3, 20);
    const head = (await store.headPosition()) as bigint;
    await Promise.all([steady.reached(head), projection.reached(head)]);
    expect((await failing.status()).lastError).toBe('failing refuses 30');
    expect(steadySeen).toHaveLength(60);
    expect(readTally(db).reduce((sum, row) => sum + row.events, 0)).toBe(60);

    await failing.reached(head);
    // At least once: what came before the refused event in its batch may come again, nothing is skipped.
    expect(new Set(failingSeen)).toEqual(new Set(steadySeen));
    expect(failingSeen.filter((position) => position === 30n)).toHaveLength(1);
    await waitFor(() => caughtUp(failing), 'the failing process manager to rejoin');
    await waitFor(() => feed.memberNames().includes('failing'), 'the failing process manager to rejoin the feed');

    for (const runner of [failing, steady, projection]) await runner.stop();
    await feed.stop();
    db.close();
    await store.close();
  });

  it('a process manager that falls too far behind reads on its own, in order, and comes back', async () => {
    const file = join(dir.path, 'slow-manager.db');
    const { store, db, feed } = setUp(file);
    await feed.start();
    const seen: bigint[] = [];
    const slow = new ProcessManagerRunner(store, db, recorder('slow', seen, { delayMs: 2 }), { feed });
    slow.start();
    await waitFor(() => feed.memberNames().includes('slow'), 'the slow process manager to join');
    // Far more than the feed's backlog limit (50) arrives while it works on its first batches.
    await traffic(store, 'burst', 20, 15);
    const head = (await store.headPosition()) as bigint;
    await slow.reached(head);
    expect(seen).toEqual(Array.from({ length: 300 }, (_, i) => BigInt(i + 1)));
    await traffic(store, 'more', 1, 3);
    await slow.reached(head + 3n);
    expect(seen).toHaveLength(303);
    expect(feed.memberNames()).toEqual(['slow']);
    await slow.stop();
    await feed.stop();
    db.close();
    await store.close();
  });
});
