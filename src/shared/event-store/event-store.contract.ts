import { randomUUID } from 'node:crypto';
import type { EventMetadata } from '../domain/event-envelope';
import {
  WrongExpectedVersion,
  type EventStore,
  type EventToAppend,
  type RecordedEvent,
  type UpcastEvent,
} from './event-store.port';

/**
 * The one behaviour every event store adapter must have. Each adapter's spec calls this with a
 * factory (opening the same store each time, with the upcast given); streams get unique names so
 * the suite can run against a shared server.
 */
export function describeEventStoreContract(adapterName: string, openStore: (upcast?: UpcastEvent) => Promise<EventStore>): void {
  describe(`EventStore contract: ${adapterName}`, () => {
    let store: EventStore;
    const run = randomUUID().slice(0, 8);
    const streamName = (name: string) => `${name}${run}-${randomUUID().slice(0, 8)}`;

    beforeAll(async () => {
      store = await openStore();
    });
    afterAll(async () => {
      await store.close();
    });

    it('appends to a new stream with no_stream and reads the events back in order', async () => {
      const stream = streamName('contract');
      const result = await store.appendToStream(stream, [testEvent('A', { n: 1 }), testEvent('B', { n: 2 })], {
        expectedRevision: 'no_stream',
      });
      expect(result.nextExpectedRevision).toBe(1);

      const events = await store.readStream(stream);
      expect(events.map((e) => [e.type, e.revision, e.data])).toEqual([
        ['A', 0, { n: 1 }],
        ['B', 1, { n: 2 }],
      ]);
      expect(events[1].position).toBe(result.position);
      expect(events[0].position < events[1].position).toBe(true);
      expect(events[0].streamId).toBe(stream);
      expect(events[0].recordedAt).toBeInstanceOf(Date);
    });

    it('keeps the metadata of the envelope as written', async () => {
      const stream = streamName('contract');
      const event = testEvent('WithMetadata', { ok: true });
      await store.appendToStream(stream, [event], { expectedRevision: 'no_stream' });
      const [read] = await store.readStream(stream);
      expect(read.metadata).toEqual(event.metadata);
    });

    it('answers an empty list for a stream that does not exist', async () => {
      expect(await store.readStream(streamName('missing'))).toEqual([]);
    });

    it('refuses no_stream when the stream exists, and writes nothing', async () => {
      const stream = streamName('contract');
      await store.appendToStream(stream, [testEvent('A')], { expectedRevision: 'no_stream' });
      await expect(store.appendToStream(stream, [testEvent('B')], { expectedRevision: 'no_stream' })).rejects.toThrow(
        WrongExpectedVersion,
      );
      expect((await store.readStream(stream)).map((e) => e.type)).toEqual(['A']);
    });

    it('checks a numeric expected revision, and reports the actual one on mismatch', async () => {
      const stream = streamName('contract');
      await store.appendToStream(stream, [testEvent('A'), testEvent('B')], { expectedRevision: 'no_stream' });
      await expect(store.appendToStream(stream, [testEvent('C')], { expectedRevision: 0 })).rejects.toMatchObject({
        name: 'WrongExpectedVersion',
        streamId: stream,
        actual: 1,
      });
      await expect(store.appendToStream(streamName('fresh'), [testEvent('X')], { expectedRevision: 0 })).rejects.toThrow(
        WrongExpectedVersion,
      );
      const result = await store.appendToStream(stream, [testEvent('C')], { expectedRevision: 1 });
      expect(result.nextExpectedRevision).toBe(2);
    });

    it('appends without a check with any', async () => {
      const stream = streamName('contract');
      await store.appendToStream(stream, [testEvent('A')], { expectedRevision: 'any' });
      await store.appendToStream(stream, [testEvent('B')], { expectedRevision: 'any' });
      expect((await store.readStream(stream)).map((e) => e.revision)).toEqual([0, 1]);
    });

    it('lets exactly one of many concurrent appends with the same expected revision win', async () => {
      const stream = streamName('race');
      await store.appendToStream(stream, [testEvent('Opened')], { expectedRevision: 'no_stream' });
      const attempts = await Promise.allSettled(
        Array.from({ length: 20 }, (_, i) => store.appendToStream(stream, [testEvent('Claimed', { i })], { expectedRevision: 0 })),
      );
      expect(attempts.filter((a) => a.status === 'fulfilled')).toHaveLength(1);
      const losers = attempts.filter((a): a is PromiseRejectedResult => a.status === 'rejected');
      expect(losers).toHaveLength(19);
      for (const loser of losers) expect(loser.reason).toBeInstanceOf(WrongExpectedVersion);
      expect(await store.readStream(stream)).toHaveLength(2);
    });

    it('lets exactly one of many concurrent no_stream appends create the stream', async () => {
      const stream = streamName('claim');
      const attempts = await Promise.allSettled(
        Array.from({ length: 20 }, (_, i) =>
          store.appendToStream(stream, [testEvent('Claimed', { i })], { expectedRevision: 'no_stream' }),
        ),
      );
      expect(attempts.filter((a) => a.status === 'fulfilled')).toHaveLength(1);
      expect(await store.readStream(stream)).toHaveLength(1);
    });

    it('reads the global log from an inclusive position, page by page', async () => {
      const stream = streamName('log');
      await store.appendToStream(stream, [testEvent('L1'), testEvent('L2'), testEvent('L3')], {
        expectedRevision: 'no_stream',
      });
      const [first, , third] = await store.readStream(stream);
      const page = await store.readAll({ fromPosition: first.position, maxCount: 2 });
      expect(page.map((e) => [e.streamId, e.type])).toEqual([
        [stream, 'L1'],
        [stream, 'L2'],
      ]);
      const next = await store.readAll({ fromPosition: third.position, maxCount: 1 });
      expect(next.map((e) => e.type)).toEqual(['L3']);
    });

    it('writes the events of one append contiguously in the global log', async () => {
      const stream = streamName('atomic');
      const other = streamName('other');
      await Promise.all([
        store.appendToStream(stream, [testEvent('P1'), testEvent('P2'), testEvent('P3')], { expectedRevision: 'no_stream' }),
        store.appendToStream(other, [testEvent('Q1'), testEvent('Q2')], { expectedRevision: 'no_stream' }),
      ]);
      const [first] = await store.readStream(stream);
      const log = await store.readAll({ fromPosition: first.position, maxCount: 3 });
      expect(log.map((e) => e.type)).toEqual(['P1', 'P2', 'P3']);
    });

    it('reports the head position of the log', async () => {
      const stream = streamName('head');
      const result = await store.appendToStream(stream, [testEvent('H')], { expectedRevision: 'no_stream' });
      const head = await store.headPosition();
      expect(head !== null && head >= result.position).toBe(true);
    });

    it('applies its upcast on every read path: a stream, a page of the log, a subscription, its own appends', async () => {
      // A shape an earlier build wrote ({ n: '1' }), repaired on read into the current one ({ n: 1 }).
      const upcast: UpcastEvent = (event) =>
        event.type === 'Counted' && typeof (event.data as { n: unknown }).n === 'string' ? { ...event, data: { n: Number((event.data as { n: string }).n) } } : event;
      const old = streamName('upcast');
      const written = await store.appendToStream(old, [testEvent('Counted', { n: '1' }), testEvent('Other', { n: '2' })], { expectedRevision: 'no_stream' });
      const upcasting = await openStore(upcast);
      try {
        expect((await upcasting.readStream(old)).map((e) => e.data)).toEqual([{ n: 1 }, { n: '2' }]);
        const page = await upcasting.readAll({ fromPosition: written.position, maxCount: 1 });
        expect(page.map((e) => e.data)).toEqual([{ n: '2' }]);
        const [first] = await upcasting.readStream(old);
        expect((await upcasting.readAll({ fromPosition: first.position, maxCount: 1 }))[0].data).toEqual({ n: 1 });

        const own = streamName('upcastown');
        const subscription = upcasting.subscribeToAll({ fromPosition: written.position });
        const received = collectFromStream(subscription, own, 1);
        await upcasting.appendToStream(own, [testEvent('Counted', { n: '3' })], { expectedRevision: 'no_stream' });
        expect((await received).map((e) => e.data)).toEqual([{ n: 3 }]);
        await subscription.stop();
        expect((await upcasting.readStream(own)).map((e) => e.data)).toEqual([{ n: 3 }]);
        // Stored as written: the upcast changes what is read, never the log.
        expect((await store.readStream(own)).map((e) => e.data)).toEqual([{ n: '3' }]);
      } finally {
        await upcasting.close();
      }
    });

    it('delivers events after an exclusive checkpoint, then follows live appends', async () => {
      const stream = streamName('sub');
      await store.appendToStream(stream, [testEvent('S1'), testEvent('S2')], { expectedRevision: 'no_stream' });
      const [s1] = await store.readStream(stream);
      const subscription = store.subscribeToAll({ fromPosition: s1.position });
      const received = collectFromStream(subscription, stream, 3);
      await store.appendToStream(stream, [testEvent('S3')], { expectedRevision: 1 });
      expect((await received).map((e) => e.type)).toEqual(['S2', 'S3']);
      await subscription.stop();
    });

    it('hands over from catch-up to live under concurrent appends with no gap, duplicate or reordering', async () => {
      const prefix = streamName('handover');
      const writers = 8;
      const perWriter = 150;
      const before = (await store.headPosition()) ?? 'start';

      const writing = Promise.all(
        Array.from({ length: writers }, async (_, w) => {
          const stream = `${prefix}w${w}`;
          for (let i = 0; i < perWriter; i++) {
            await store.appendToStream(stream, [testEvent('Tick', { w, i })], {
              expectedRevision: i === 0 ? 'no_stream' : i - 1,
            });
          }
        }),
      );
      // Subscribe while the writers are in full flow, from a checkpoint taken before they began.
      await new Promise((resolve) => setTimeout(resolve, 20));
      const subscription = store.subscribeToAll({ fromPosition: before });
      const seen: RecordedEvent[] = [];
      for await (const event of subscription) {
        if (!event.streamId.startsWith(prefix)) continue;
        seen.push(event);
        if (seen.length === writers * perWriter) break;
      }
      await subscription.stop();
      await writing;

      const positions = seen.map((e) => e.position);
      for (let i = 1; i < positions.length; i++) expect(positions[i] > positions[i - 1]).toBe(true);
      for (let w = 0; w < writers; w++) {
        const ticks = seen.filter((e) => e.streamId === `${prefix}w${w}`).map((e) => (e.data as { i: number }).i);
        expect(ticks).toEqual(Array.from({ length: perWriter }, (_, i) => i));
      }
    });

    it('ends iteration when a live subscription is stopped', async () => {
      const subscription = store.subscribeToAll({ fromPosition: (await store.headPosition()) ?? 'start' });
      const iterating = (async () => {
        let count = 0;
        for await (const event of subscription) if (event) count++;
        return count;
      })();
      await new Promise((resolve) => setTimeout(resolve, 50));
      await subscription.stop();
      await expect(iterating).resolves.toBe(0);
    });
  });
}

export function testEvent(type: string, data: unknown = {}): EventToAppend {
  const metadata: EventMetadata = {
    eventId: randomUUID(),
    accountId: 'acc-test',
    actor: { system: 'contract-test' },
    correlationId: randomUUID(),
    causationId: null,
    occurredAt: new Date().toISOString(),
    schemaVersion: 1,
  };
  return { type, data, metadata };
}

async function collectFromStream(
  subscription: AsyncIterable<RecordedEvent>,
  stream: string,
  untilRevision: number,
): Promise<RecordedEvent[]> {
  const events: RecordedEvent[] = [];
  for await (const event of subscription) {
    if (event.streamId !== stream) continue;
    events.push(event);
    if (event.revision === untilRevision - 1) break;
  }
  return events;
}
