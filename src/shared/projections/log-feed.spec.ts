import Database from 'better-sqlite3';
import type { EventStore, EventSubscription, FromPosition, RecordedEvent } from '../event-store/event-store.port';
import { after, type FeedApplier, type FeedOutcome } from './feed-applier';
import { LogFeed, type FeedMember } from './log-feed';

/** A log whose live part the test releases event by event. */
function controlledLog(head: bigint) {
  const waiting: Array<(event: RecordedEvent | null) => void> = [];
  const queued: RecordedEvent[] = [];
  const store = {
    headPosition: async () => head,
    subscribeToAll: (): EventSubscription => ({
      async *[Symbol.asyncIterator]() {
        for (;;) {
          const event = queued.shift() ?? (await new Promise<RecordedEvent | null>((resolve) => waiting.push(resolve)));
          if (!event) return;
          yield event;
        }
      },
      stop: async () => waiting.splice(0).forEach((resolve) => resolve(null)),
    }),
  } as unknown as EventStore;
  const release = async (...positions: bigint[]) => {
    for (const position of positions) {
      const event = { streamId: 's', revision: 0, position, type: 'T', data: {}, metadata: {}, recordedAt: new Date() } as RecordedEvent;
      const next = waiting.shift();
      if (next) next(event);
      else queued.push(event);
    }
    // Let the feed batch and deliver what was released.
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setImmediate(resolve));
  };
  return { store, release };
}

/** Applies each target's events in turn (no SQL): what the feed does with the outcomes is under test here. */
const applier: FeedApplier = {
  apply: (batch, targets) => ({
    committed: true,
    outcomes: targets.flatMap((target): FeedOutcome[] => {
      const events = after(batch, target.position);
      if (events.length === 0) return [];
      try {
        for (const event of events) target.projection.apply(event, null as never);
        return [{ name: target.name, result: 'applied' }];
      } catch (error) {
        return [{ name: target.name, result: 'failed', error: (error as Error).message }];
      }
    }),
  }),
};

function projectionMember(name: string, position: FromPosition, fail?: bigint): FeedMember & { applied: bigint[]; errors: unknown[]; position: FromPosition } {
  const member = {
    name,
    applied: [] as bigint[],
    errors: [] as unknown[],
    position,
    currentPosition: () => member.position,
    projection: {
      name,
      version: 1,
      setUp: () => undefined,
      tearDown: () => undefined,
      apply: (event: RecordedEvent) => {
        if (event.position === fail) throw new Error(`${name} failed`);
      },
    },
    committed: (events: RecordedEvent[]) => {
      member.applied.push(...events.map((event) => event.position));
      member.position = events[events.length - 1].position;
    },
    dropped: (error: unknown) => void member.errors.push(error),
  };
  return member;
}

describe('LogFeed (membership)', () => {
  const db = new Database(':memory:');
  afterAll(() => db.close());

  it('takes in only members at or past what it handed out, and hands each only what comes after its position', async () => {
    const { store, release } = controlledLog(10n);
    const feed = new LogFeed(store, db, { applier });
    await feed.start();
    const behind = projectionMember('behind', 9n);
    const even = projectionMember('even', 10n);
    const ahead = projectionMember('ahead', 12n);
    expect(feed.join(behind)).toBe(false);
    expect(feed.join(even)).toBe(true);
    expect(feed.join(ahead)).toBe(true);

    await release(11n, 12n, 13n);
    expect(even.applied).toEqual([11n, 12n, 13n]);
    expect(ahead.applied).toEqual([13n]);
    // It reached the feed: from now on it may join.
    behind.position = 13n;
    expect(feed.join(behind)).toBe(true);
    await release(14n);
    expect(behind.applied).toEqual([14n]);
    await feed.stop();
  });

  it('lets go of a failing member alone; the others get every event', async () => {
    const { store, release } = controlledLog(0n);
    const feed = new LogFeed(store, db, { applier });
    await feed.start();
    const failing = projectionMember('failing', 0n, 2n);
    const steady = projectionMember('steady', 0n);
    feed.join(failing);
    feed.join(steady);
    await release(1n);
    await release(2n);
    await release(3n);
    expect(steady.applied).toEqual([1n, 2n, 3n]);
    expect(failing.applied).toEqual([1n]);
    expect(failing.errors).toEqual([new Error('failing failed')]);
    expect(feed.memberNames()).toEqual(['steady']);
    await feed.stop();
  });
});
