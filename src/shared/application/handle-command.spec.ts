import { join } from 'node:path';
import { z } from 'zod';
import type { Decider } from '../domain/decider';
import type { Event } from '../domain/event-envelope';
import { DomainError } from '../domain/domain-error';
import { SqliteEventStore } from '../event-store/sqlite.event-store';
import { EventContracts, EventContractViolation } from '../event-store/event-contracts';
import { makeTempDir } from '../../../test/support/temp-dir';
import { handleCommand } from './handle-command';
import type { CommandContext } from './command-context';

// A seat counter: the smallest aggregate with a rule (no more than `limit` seats).
const SeatTakenData = z.object({ by: z.string().min(1) });
type SeatEvent = Event<'SeatTaken', z.infer<typeof SeatTakenData>>;
type TakeSeat = { by: string };
const contracts = new EventContracts({ SeatTaken: SeatTakenData });
const seats: Decider<{ taken: string[] }, TakeSeat, SeatEvent, { limit: number }> = {
  initialState: () => ({ taken: [] }),
  evolve: (state, event) => (event.type === 'SeatTaken' ? { taken: [...state.taken, event.data.by] } : state),
  decide: (command, state, { limit }) => {
    if (state.taken.includes(command.by)) return [];
    if (state.taken.length >= limit) throw new DomainError('SEATS.FULL', 'conflict', 'No seat left');
    return [{ type: 'SeatTaken', data: { by: command.by } }];
  },
};

const context: CommandContext = {
  actor: { userId: 'u1', role: 'agent' },
  accountId: 'a1',
  correlationId: 'req-1',
  causationId: null,
};

describe('handleCommand', () => {
  const dir = makeTempDir();
  const store = new SqliteEventStore(join(dir.path, 'events.db'));
  afterAll(async () => {
    await store.close();
    dir.cleanup();
  });

  it('appends what decide returns, with the envelope of the context', async () => {
    const outcome = await handleCommand(store, contracts, 'seats-1', seats, { by: 'ann' }, context, { limit: 2 });
    expect(outcome.events).toEqual([{ type: 'SeatTaken', data: { by: 'ann' } }]);
    const [event] = await store.readStream('seats-1');
    expect(event.metadata).toMatchObject({ accountId: 'a1', actor: { userId: 'u1', role: 'agent' }, correlationId: 'req-1' });
  });

  it('appends nothing when the decision is that nothing changes', async () => {
    const outcome = await handleCommand(store, contracts, 'seats-1', seats, { by: 'ann' }, context, { limit: 2 });
    expect(outcome.events).toEqual([]);
    expect(await store.readStream('seats-1')).toHaveLength(1);
  });

  it('lets a business rule fail with its typed error and writes nothing', async () => {
    await handleCommand(store, contracts, 'seats-2', seats, { by: 'a' }, context, { limit: 1 });
    await expect(handleCommand(store, contracts, 'seats-2', seats, { by: 'b' }, context, { limit: 1 })).rejects.toMatchObject({
      code: 'SEATS.FULL',
    });
    expect(await store.readStream('seats-2')).toHaveLength(1);
  });

  it('decides again on fresh state after losing a race, so the rule holds under concurrency', async () => {
    const results = await Promise.allSettled(
      ['a', 'b', 'c', 'd', 'e', 'f'].map((by) => handleCommand(store, contracts, 'seats-3', seats, { by }, context, { limit: 3 }, { retries: 10 })),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(3);
    expect(await store.readStream('seats-3')).toHaveLength(3);
  });

  it('recognises a repeated command id and does not apply it twice', async () => {
    const once = { ...context, commandId: 'cmd-42' };
    await handleCommand(store, contracts, 'seats-4', seats, { by: 'x' }, once, { limit: 5 });
    const again = await handleCommand(store, contracts, 'seats-4', seats, { by: 'y' }, once, { limit: 5 });
    expect(again.repeated).toBe(true);
    expect((await store.readStream('seats-4')).map((e) => e.data)).toEqual([{ by: 'x' }]);
  });

  it('refuses to append a decision that breaks its schema, naming the event and the field, and appends nothing', async () => {
    // A decider that copies what it was given without checking it: the schema is the last guard.
    const careless: Decider<null, { by: unknown }, SeatEvent> = {
      initialState: () => null,
      evolve: (state) => state,
      decide: (command) => [{ type: 'SeatTaken', data: { by: 'ok' } }, { type: 'SeatTaken', data: { by: command.by as string } }],
    };
    const refused = handleCommand(store, contracts, 'seats-5', careless, { by: false }, context, undefined);
    await expect(refused).rejects.toBeInstanceOf(EventContractViolation);
    await expect(refused).rejects.toMatchObject({
      code: 'EVENT.CONTRACT_VIOLATION',
      eventType: 'SeatTaken',
      message: 'SeatTaken.data.by: expected string, received boolean',
    });
    expect(await store.readStream('seats-5')).toEqual([]);
  });

  it('refuses an event type no context registered', async () => {
    const stray: Decider<null, null, Event<'SeatSold', { by: string }>> = {
      initialState: () => null,
      evolve: (state) => state,
      decide: () => [{ type: 'SeatSold', data: { by: 'x' } }],
    };
    await expect(handleCommand(store, contracts, 'seats-6', stray, null, context, undefined)).rejects.toThrow(/SeatSold: unknown event type/);
    expect(await store.readStream('seats-6')).toEqual([]);
  });
});
