import { join } from 'node:path';
import { z } from 'zod';
import type { Decider } from '../domain/decider';
import type { Event } from '../domain/event-envelope';
import { contextCausedBy } from '../application/command-context';
import { handleCommand } from '../application/handle-command';
import { SqliteEventStore } from '../event-store/sqlite.event-store';
import { EventContracts } from '../event-store/event-contracts';
import { testEvent } from '../event-store/event-store.contract';
import type { RecordedEvent } from '../event-store/event-store.port';
import { openSqlite } from '../sqlite/open-sqlite';
import { makeTempDir } from '../../../test/support/temp-dir';
import { ProcessManagerRunner } from './process-manager.runner';
import type { ProcessManager, ProcessManagerContext } from './projection';
import { ParkedEventStore } from './parked-events';

// "When an account opens, welcome it": each AccountOpened leads to one Welcomed event in a
// welcome-<account> stream, however often the process manager sees the event.
const WelcomedData = z.object({ accountId: z.string() });
type Welcomed = Event<'Welcomed', z.infer<typeof WelcomedData>>;
const contracts = new EventContracts({ Welcomed: WelcomedData });
const welcome: Decider<{ count: number }, { accountId: string }, Welcomed> = {
  initialState: () => ({ count: 0 }),
  evolve: (state, event) => (event.type === 'Welcomed' ? { count: state.count + 1 } : state),
  decide: (command) => [{ type: 'Welcomed', data: { accountId: command.accountId } }],
};

function welcomer(store: SqliteEventStore, seen: string[]): ProcessManager {
  return {
    name: 'welcomer',
    eventTypes: ['AccountOpened'],
    handle: async (event: RecordedEvent) => {
      seen.push(event.streamId);
      const { accountId } = event.data as { accountId: string };
      await handleCommand(store, contracts, `welcome-${accountId}`, welcome, { accountId }, contextCausedBy(event, 'welcomer'), undefined);
    },
  };
}

async function waitFor(condition: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 500; i++) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error('condition not met in time');
}

describe('ProcessManagerRunner', () => {
  const dir = makeTempDir('inbox-pm-');
  afterAll(() => dir.cleanup());

  it('turns each event into one effect, even when the events are handed over again', async () => {
    const file = join(dir.path, 'inbox.db');
    const store = new SqliteEventStore(file);
    const db = openSqlite(file, { synchronous: 'NORMAL' });
    for (const accountId of ['a1', 'a2', 'a3']) {
      await store.appendToStream(`account-${accountId}`, [testEvent('AccountOpened', { accountId })], { expectedRevision: 'no_stream' });
      await store.appendToStream(`account-${accountId}`, [testEvent('AccountRenamed', { accountId })], { expectedRevision: 0 });
    }
    const seen: string[] = [];
    const runner = new ProcessManagerRunner(store, db, welcomer(store, seen));
    runner.start();
    await waitFor(async () => (await runner.status()).caughtUp);
    await runner.stop();
    expect(seen).toEqual(['account-a1', 'account-a2', 'account-a3']);

    // As after a crash before the checkpoint was saved: the same events come again.
    db.prepare("DELETE FROM subscription_checkpoints WHERE name = 'welcomer'").run();
    const again = new ProcessManagerRunner(store, db, welcomer(store, seen));
    again.start();
    await waitFor(async () => (await again.status()).caughtUp);
    await again.stop();

    expect(seen).toHaveLength(6);
    for (const accountId of ['a1', 'a2', 'a3']) {
      const welcomes = await store.readStream(`welcome-${accountId}`);
      expect(welcomes).toHaveLength(1);
      expect(welcomes[0].metadata).toMatchObject({ actor: { system: 'welcomer' }, causationId: expect.any(String) });
    }
    db.close();
    await store.close();
  });

  it('keeps its place across restarts and does not hand over what it already handled', async () => {
    const file = join(dir.path, 'restart.db');
    const store = new SqliteEventStore(file);
    const db = openSqlite(file, { synchronous: 'NORMAL' });
    const seen: string[] = [];
    await store.appendToStream('account-b1', [testEvent('AccountOpened', { accountId: 'b1' })], { expectedRevision: 'no_stream' });
    const first = new ProcessManagerRunner(store, db, welcomer(store, seen));
    first.start();
    await waitFor(async () => (await first.status()).caughtUp);
    await first.stop();

    await store.appendToStream('account-b2', [testEvent('AccountOpened', { accountId: 'b2' })], { expectedRevision: 'no_stream' });
    const second = new ProcessManagerRunner(store, db, welcomer(store, seen));
    second.start();
    await waitFor(async () => (await second.status()).caughtUp);
    await second.stop();
    expect(seen).toEqual(['account-b1', 'account-b2']);
    db.close();
    await store.close();
  });
});

/**
 * A manager with state of its own: the positions it has handled, written before its effect (which
 * fails for the accounts in `failing`), in the runner's database.
 */
function recorder(db: ReturnType<typeof openSqlite>, failing: Set<string>, forgotten: bigint[]): ProcessManager {
  db.exec('CREATE TABLE IF NOT EXISTS handled (position INTEGER PRIMARY KEY, account TEXT NOT NULL)');
  return {
    name: 'recorder',
    eventTypes: ['AccountOpened'],
    handle: async (event: RecordedEvent, context: ProcessManagerContext) => {
      const { accountId } = event.data as { accountId: string };
      await context.saveWithCheckpoint(() => db.prepare('INSERT OR REPLACE INTO handled VALUES (?, ?)').run(event.position, accountId));
      if (failing.has(accountId)) throw new Error(`cannot welcome ${accountId}`);
    },
    forgetFrom: (position) => {
      forgotten.push(position);
      db.prepare('DELETE FROM handled WHERE position >= ?').run(position);
    },
  };
}

describe('ProcessManagerRunner with a manager that keeps state', () => {
  const dir = makeTempDir('inbox-pm-state-');
  afterAll(() => dir.cleanup());

  it('forgets what events after the checkpoint wrote before they come again, and what a parked event wrote', async () => {
    // Given c1 handled, and c2 whose state was written but whose effect failed (as in a crash between the two)
    const file = join(dir.path, 'state.db');
    const store = new SqliteEventStore(file);
    const db = openSqlite(file, { synchronous: 'NORMAL' });
    const positions: bigint[] = [];
    for (const accountId of ['c1', 'c2', 'c3']) {
      const { position } = await store.appendToStream(`account-${accountId}`, [testEvent('AccountOpened', { accountId })], { expectedRevision: 'no_stream' });
      positions.push(position);
    }
    const failing = new Set(['c2']);
    const forgotten: bigint[] = [];
    const first = new ProcessManagerRunner(store, db, recorder(db, failing, forgotten), { retryDelayMs: { min: 10_000, max: 10_000 }, batchSize: 1 });
    first.start();
    await waitFor(async () => (await first.status()).lastError !== null);
    await first.stop();
    const handled = () => db.prepare('SELECT position FROM handled ORDER BY position').pluck().all() as number[];
    expect(handled()).toEqual([Number(positions[0]), Number(positions[1])]);

    // When a runner starts again from the checkpoint (c1), with c2 still failing every time
    forgotten.length = 0;
    const second = new ProcessManagerRunner(store, db, recorder(db, failing, forgotten), { retryDelayMs: { min: 5, max: 5 }, attemptsBeforeParking: 2 });
    second.start();
    await waitFor(async () => (await second.status()).parked === 1 && (await second.status()).caughtUp);
    await second.stop();

    // Then it first forgot c2's state, c2 was parked with its state forgotten again, and c3 went on
    expect(forgotten[0]).toBe(positions[0] + 1n);
    expect(forgotten).toContain(positions[1]);
    expect(handled()).toEqual([Number(positions[0]), Number(positions[2])]);
    expect(new ParkedEventStore(db).list()).toEqual([expect.objectContaining({ subscription: 'recorder', streamId: 'account-c2' })]);
    db.close();
    await store.close();
  });

  it('waits for a write lock another connection holds on the event loop, not blocking it, then writes', async () => {
    // Given another connection holding the write lock of the runner's database (the read models' file)
    const store = new SqliteEventStore(join(dir.path, 'locked-events.db'));
    const file = join(dir.path, 'locked-read-models.db');
    const db = openSqlite(file, { synchronous: 'NORMAL' });
    const runner = new ProcessManagerRunner(store, db, recorder(db, new Set(), []));
    runner.start();
    await waitFor(async () => (await runner.status()).state === 'live');
    const other = openSqlite(file, { synchronous: 'NORMAL' });
    other.prepare('BEGIN IMMEDIATE').run();

    // When the manager's state is to be written meanwhile
    await store.appendToStream('account-d1', [testEvent('AccountOpened', { accountId: 'd1' })], { expectedRevision: 'no_stream' });
    let ticks = 0;
    const ticker = setInterval(() => (ticks += 1), 10);
    await new Promise((resolve) => setTimeout(resolve, 400));
    const handledWhileLocked = db.prepare('SELECT count(*) FROM handled').pluck().get();
    const ticksWhileLocked = ticks;
    other.prepare('COMMIT').run();

    // Then timers ran while it waited, and it wrote once the lock was free
    await waitFor(async () => (await runner.status()).caughtUp);
    clearInterval(ticker);
    await runner.stop();
    expect(handledWhileLocked).toBe(0);
    expect(ticksWhileLocked).toBeGreaterThan(10);
    expect(db.prepare('SELECT account FROM handled').pluck().all()).toEqual(['d1']);
    other.close();
    db.close();
    await store.close();
  });
});
