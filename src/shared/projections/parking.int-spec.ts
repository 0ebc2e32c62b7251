import { join } from 'node:path';
import { SqliteEventStore } from '../event-store/sqlite.event-store';
import { testEvent } from '../event-store/event-store.contract';
import type { EventToAppend, RecordedEvent } from '../event-store/event-store.port';
import { makeTempDir } from '../../../test/support/temp-dir';
import { poisonedTally, readTally, tallyProjection } from '../../../test/support/tally.projection';
import { LogFeed } from './log-feed';
import { ParkedEventRetry } from './parked-event-retry';
import { ParkedEventStore } from './parked-events';
import { ProcessManagerRunner } from './process-manager.runner';
import type { ProcessManager, Projection } from './projection';
import { ProjectionHost } from './projection-host';
import { ProjectionRunner } from './projection.runner';
import { openReadModelDb } from './read-model-db';
import type { SubscriptionRunner } from './subscription.runner';

const dir = makeTempDir('inbox-parking-');
afterAll(() => dir.cleanup());
const WORKER = join(__dirname, '../../../test/support/tally-host.worker.ts');
const FAST = { retryDelayMs: { min: 20, max: 1000 }, attemptsBeforeParking: 3 };

function counted(accountId: string, value: number, poison = false): EventToAppend {
  const event = testEvent('Counted', poison ? { value, poison } : { value });
  return { ...event, metadata: { ...event.metadata, accountId } };
}

/**
 * Two accounts write in turn, `perAccount` events each; account a's event number `poisonAt` (0-based)
 * is poisoned. Returns that event's id.
 */
async function twoAccounts(store: SqliteEventStore, perAccount: number, poisonAt: number, from = 0): Promise<string> {
  let poisonId = '';
  for (let i = from; i < from + perAccount; i++) {
    const a = counted('acc-a', i, i === poisonAt);
    if (i === poisonAt) poisonId = a.metadata.eventId;
    await Promise.all([
      store.appendToStream('tally-a', [a], { expectedRevision: i === 0 ? 'no_stream' : i - 1 }),
      store.appendToStream('tally-b', [counted('acc-b', i)], { expectedRevision: i === 0 ? 'no_stream' : i - 1 }),
    ]);
  }
  return poisonId;
}

async function waitFor(condition: () => Promise<boolean> | boolean, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const settled = async (runner: SubscriptionRunner) => {
  const status = await runner.status();
  return status.caughtUp && status.state === 'live';
};

/** Records what it is handed; throws on poisoned events until cured. */
function recorder(name: string, seen: RecordedEvent[], cured: () => boolean = () => false): ProcessManager {
  return {
    name,
    eventTypes: ['Counted'],
    handle: async (event) => {
      if ((event.data as { poison?: boolean }).poison && !cured()) throw new Error(`${name} cannot handle ${event.streamId}@${event.revision}`);
      seen.push(event);
    },
  };
}

function setUp(name: string) {
  const store = new SqliteEventStore(join(dir.path, `${name}-events.db`));
  const file = join(dir.path, `${name}-read-models.db`);
  const db = openReadModelDb(file);
  return { store, file, db, parked: new ParkedEventStore(db) };
}

describe('parking an event a runner cannot take', () => {
  it('a projection reading on its own parks the bad event after the bounded tries, keeps applying later events of both accounts, and a retry applies it once fixed', async () => {
    const { store, db, parked } = setUp('own');
    const poisonId = await twoAccounts(store, 20, 7);
    let cured = false;
    const errors: string[] = [];
    const logger = { log: () => undefined, error: (message: string) => errors.push(message) };
    const runner = new ProjectionRunner(store, db, poisonedTally('tally', () => cured), { ...FAST, logger });
    const started = Date.now();
    runner.start();
    await waitFor(async () => (await runner.status()).parked === 1 && (await settled(runner)), 'the bad event to be parked');
    const tookMs = Date.now() - started;

    // Every event of account b, and of account a all but the bad one: nothing before or after it waited.
    expect(readTally(db)).toEqual([
      { stream_id: 'tally-a', events: 19, total: 190 - 7 },
      { stream_id: 'tally-b', events: 20, total: 190 },
    ]);
    const [record] = parked.list();
    const poison = (await store.readStream('tally-a'))[7];
    expect(record).toEqual({
      id: expect.any(Number),
      subscription: 'tally',
      kind: 'projection',
      position: poison.position.toString(),
      streamId: 'tally-a',
      revision: 7,
      eventType: 'Counted',
      eventId: poisonId,
      accountId: 'acc-a',
      inboundId: null,
      error: 'tally cannot take tally-a@7',
      attempts: 3,
      firstAttemptAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      lastAttemptAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
    // Backoff: 20 ms, then 40 ms between the three tries.
    expect(Date.parse(record.lastAttemptAt) - Date.parse(record.firstAttemptAt)).toBeGreaterThanOrEqual(55);
    expect(tookMs).toBeLessThan(5000);
    expect(db.prepare("SELECT position FROM subscription_checkpoints WHERE name = 'tally'").pluck().get()).toBe((await store.headPosition())?.toString());
    expect(errors.filter((line) => line.includes('parked'))).toEqual([expect.stringContaining('projection tally parked Counted at')]);

    // Later events go on as usual.
    await twoAccounts(store, 3, -1, 20);
    await runner.reached((await store.headPosition()) as bigint);
    expect(readTally(db).map((row) => row.events)).toEqual([22, 23]);

    const retry = new ParkedEventRetry(store, parked, [runner]);
    // Still broken: the record keeps the new failure.
    await expect(retry.retry(record.id)).resolves.toEqual({ id: record.id, retried: false, error: 'tally cannot take tally-a@7' });
    expect(parked.get(record.id)).toMatchObject({ attempts: 4, error: 'tally cannot take tally-a@7' });
    cured = true;
    await expect(retry.retry(record.id)).resolves.toEqual({ id: record.id, retried: true });
    expect(parked.list()).toEqual([]);
    expect(readTally(db)[0]).toEqual({ stream_id: 'tally-a', events: 23, total: 190 + 20 + 21 + 22 });

    await runner.stop();
    db.close();
    await store.close();
  });

  it('a rebuild drops the projection’s parked records: the replay meets the event again', async () => {
    const { store, db, parked } = setUp('rebuild');
    await twoAccounts(store, 5, 2);
    let cured = false;
    const other = new ProjectionRunner(store, db, poisonedTally('other'), FAST);
    const runner = new ProjectionRunner(store, db, poisonedTally('tally', () => cured), FAST);
    await other.rebuild();
    await expect(runner.rebuild()).resolves.toBe(9);
    const first = parked.list().filter((record) => record.subscription === 'tally');
    expect(first).toEqual([expect.objectContaining({ revision: 2, attempts: 1 })]);

    await runner.rebuild();
    const again = parked.list().filter((record) => record.subscription === 'tally');
    expect(again).toEqual([expect.objectContaining({ revision: 2, attempts: 1 })]);
    expect(again[0].id).not.toBe(first[0].id);

    cured = true;
    await expect(runner.rebuild()).resolves.toBe(10);
    // Only this projection's records went; the other projection's stays.
    expect(parked.list().map((record) => record.subscription)).toEqual(['other']);
    db.close();
    await store.close();
  });

  it('never parks for a failing environment (a full disk): it retries until that passes', async () => {
    const { store, db, parked } = setUp('environment');
    await twoAccounts(store, 3, -1);
    let failuresLeft = 6;
    const base = tallyProjection();
    const diskFull: Projection = {
      ...base,
      apply: (event, database) => {
        if (failuresLeft > 0) {
          failuresLeft -= 1;
          throw Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });
        }
        base.apply(event, database);
      },
    };
    const runner = new ProjectionRunner(store, db, diskFull, { retryDelayMs: { min: 5, max: 20 }, attemptsBeforeParking: 2 });
    runner.start();
    await waitFor(() => failuresLeft === 4, 'two failures');
    expect(await runner.status()).toMatchObject({ state: 'retrying', failingOnEvent: false, lastError: 'database or disk is full' });
    await waitFor(() => settled(runner), 'the projection to catch up');
    expect(parked.list()).toEqual([]);
    expect(readTally(db).map((row) => row.events)).toEqual([3, 3]);
    await runner.stop();
    db.close();
    await store.close();
  });

  it('a projection applied by the feed on the projection thread parks the bad event the same way and rejoins the feed', async () => {
    const { store, file, db, parked } = setUp('feed');
    const host = new ProjectionHost(WORKER, { file, projections: ['tally_a', 'tally_poisoned'] });
    const feed = new LogFeed(store, db, { applier: host });
    await feed.start();
    let cured = false;
    const steady = new ProjectionRunner(store, db, tallyProjection(undefined, 'tally_a'), { feed });
    const poisoned = new ProjectionRunner(store, db, poisonedTally('tally_poisoned', () => cured), { ...FAST, feed });
    steady.start();
    poisoned.start();
    await waitFor(() => feed.memberNames().length === 2, 'both projections to join the feed');

    await twoAccounts(store, 15, 9);
    const head = (await store.headPosition()) as bigint;
    await Promise.all([steady.reached(head), poisoned.reached(head)]);
    await waitFor(() => feed.memberNames().includes('tally_poisoned'), 'the poisoned projection to rejoin the feed');

    expect(readTally(db, 'tally_poisoned')).toEqual([
      { stream_id: 'tally-a', events: 14, total: 105 - 9 },
      { stream_id: 'tally-b', events: 15, total: 105 },
    ]);
    expect(parked.list()).toEqual([
      expect.objectContaining({ subscription: 'tally_poisoned', kind: 'projection', streamId: 'tally-a', revision: 9, accountId: 'acc-a', attempts: 3 }),
    ]);
    // Events after it come through the feed again.
    await twoAccounts(store, 2, -1, 15);
    const end = (await store.headPosition()) as bigint;
    await poisoned.reached(end);
    expect(readTally(db, 'tally_poisoned').map((row) => row.events)).toEqual([16, 17]);

    cured = true;
    await expect(new ParkedEventRetry(store, parked, [steady, poisoned]).retry(parked.list()[0].id)).resolves.toMatchObject({ retried: true });
    expect(readTally(db, 'tally_poisoned')).toEqual(readTally(db, 'tally_a'));

    await steady.stop();
    await poisoned.stop();
    await feed.stop();
    await host.close();
    db.close();
    await store.close();
  });

  it('a process manager parks the bad event, on its own and from the feed, and a retry hands it over again once fixed', async () => {
    const { store, db, parked } = setUp('manager');
    await twoAccounts(store, 10, 3);
    const feed = new LogFeed(store, db);
    await feed.start();
    let cured = false;
    const seen: RecordedEvent[] = [];
    const manager = new ProcessManagerRunner(store, db, recorder('welcomer', seen, () => cured), { ...FAST, feed });
    manager.start();
    // Behind the feed at first: it reads on its own and parks revision 3 of account a.
    await waitFor(async () => (await manager.status()).parked === 1 && feed.memberNames().includes('welcomer'), 'the first park and the join');
    // At least once, as always for process managers: what its failed batch handled before the bad event comes again.
    const revisionsOf = (stream: string) => [...new Set(seen.filter((event) => event.streamId === stream).map((event) => event.revision))].sort((x, y) => x - y);
    expect(revisionsOf('tally-a')).toEqual([0, 1, 2, 4, 5, 6, 7, 8, 9]);
    expect(revisionsOf('tally-b')).toHaveLength(10);

    // Joined: the feed hands it the next bad event.
    for (let i = 10; i < 16; i++) {
      await Promise.all([
        store.appendToStream('tally-a', [counted('acc-a', i, i === 12)], { expectedRevision: i - 1 }),
        store.appendToStream('tally-b', [counted('acc-b', i)], { expectedRevision: i - 1 }),
      ]);
    }
    await manager.reached((await store.headPosition()) as bigint);
    await waitFor(() => feed.memberNames().includes('welcomer'), 'the manager to rejoin the feed');
    const records = parked.list();
    expect(records).toEqual([
      expect.objectContaining({ subscription: 'welcomer', kind: 'process-manager', streamId: 'tally-a', revision: 3, accountId: 'acc-a', attempts: 3, error: 'welcomer cannot handle tally-a@3' }),
      expect.objectContaining({ subscription: 'welcomer', kind: 'process-manager', streamId: 'tally-a', revision: 12, accountId: 'acc-a', attempts: 3 }),
    ]);
    // Each good event handed over once per try at most, and every one of them in the end.
    expect(new Set(seen.map((event) => `${event.streamId}@${event.revision}`)).size).toBe(30);

    cured = true;
    const retry = new ParkedEventRetry(store, parked, [manager]);
    for (const record of records) await expect(retry.retry(record.id)).resolves.toEqual({ id: record.id, retried: true });
    expect(parked.list()).toEqual([]);
    expect(seen.slice(-2).map((event) => event.revision)).toEqual([3, 12]);

    await manager.stop();
    await feed.stop();
    db.close();
    await store.close();
  });
});
