import {
  ANY,
  BACKWARDS,
  END,
  EventStoreDBClient,
  FORWARDS,
  NO_STREAM,
  START,
  StreamNotFoundError,
  WrongExpectedVersionError,
  excludeSystemEvents,
  jsonEvent,
  type AllStreamRecordedEvent,
  type AppendExpectedRevision,
  type JSONType,
  type Position as EsdbPosition,
  type ReadAllOptions as EsdbReadAllOptions,
  type ReadPosition,
  type RecordedEvent as EsdbRecordedEvent,
} from '@eventstore/db-client';
import type { EventMetadata } from '../domain/event-envelope';
import {
  WrongExpectedVersion,
  type AppendResult,
  type EventStore,
  type EventSubscription,
  type EventToAppend,
  type ExpectedRevision,
  type FromPosition,
  type Position,
  type ReadAllOptions,
  type RecordedEvent,
  type SubscribeToAllOptions,
  type UpcastEvent,
} from './event-store.port';

const UINT64_MASK = (1n << 64n) - 1n;

export function packPosition({ commit, prepare }: EsdbPosition): Position {
  return (commit << 64n) | prepare;
}

export function unpackPosition(position: Position): EsdbPosition {
  return { commit: position >> 64n, prepare: position & UINT64_MASK };
}

/**
 * The EventStoreDB adapter. Positions are ESDB's `{commit, prepare}` packed into one bigint, so they
 * keep ESDB's order and survive a round trip through a decimal-string checkpoint.
 */
export class EventStoreDbEventStore implements EventStore {
  readonly positionsCountEvents = false;
  private readonly toRecordedEvent: (event: EsdbRecordedEvent) => RecordedEvent | null;

  /** `upcast` is applied to every event read (stream, page of $all, subscription); none by default. */
  constructor(
    private readonly client: EventStoreDBClient,
    upcast?: UpcastEvent,
  ) {
    this.toRecordedEvent = upcast
      ? (event) => {
          const mapped = toRecordedEvent(event);
          return mapped && upcast(mapped);
        }
      : toRecordedEvent;
  }

  static fromConnectionString(url: string, upcast?: UpcastEvent): EventStoreDbEventStore {
    return new EventStoreDbEventStore(EventStoreDBClient.connectionString(url), upcast);
  }

  async appendToStream(
    streamId: string,
    events: readonly EventToAppend[],
    options: { expectedRevision: ExpectedRevision },
  ): Promise<AppendResult> {
    // Same contract as the SQLite adapter; ESDB would also answer an empty append without a position.
    if (events.length === 0) throw new Error(`Nothing to append to ${streamId}`);
    const expected = options.expectedRevision;
    try {
      const result = await this.client.appendToStream(
        streamId,
        events.map(({ type, data, metadata }) =>
          jsonEvent({ id: metadata.eventId, type, data: data as JSONType, metadata: metadata as unknown as JSONType }),
        ),
        { expectedRevision: toExpectedRevision(expected) },
      );
      // Only when the connection string sets throwOnAppendFailure=false.
      if (!result.success) {
        const current = result.nextExpectedRevision;
        throw new WrongExpectedVersion(streamId, expected, current < 0n ? 'no_stream' : Number(current));
      }
      if (!result.position) throw new Error(`EventStoreDB returned no position for the append to ${streamId}`);
      return { nextExpectedRevision: Number(result.nextExpectedRevision), position: packPosition(result.position) };
    } catch (error) {
      if (error instanceof WrongExpectedVersionError) {
        const actual = error.actualVersion === NO_STREAM ? 'no_stream' : Number(error.actualVersion);
        throw new WrongExpectedVersion(streamId, expected, actual);
      }
      throw error;
    }
  }

  async readStream(streamId: string): Promise<RecordedEvent[]> {
    const recorded: RecordedEvent[] = [];
    try {
      for await (const { event } of this.client.readStream(streamId, { fromRevision: START, direction: FORWARDS })) {
        const mapped = event && this.toRecordedEvent(event);
        if (mapped) recorded.push(mapped);
      }
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw error;
    }
    return recorded;
  }

  async readAll({ fromPosition = 'start', maxCount = 1000 }: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const page: RecordedEvent[] = [];
    if (maxCount <= 0) return page;
    const from = fromPosition === 'start' ? 0n : fromPosition;
    // No maxCount for the server: it would count the system events we drop. The read is cancelled
    // as soon as the page is full.
    for await (const event of this.userEvents({ fromPosition: toReadPosition(fromPosition), direction: FORWARDS })) {
      if (packPosition(event.position) < from) continue;
      const mapped = this.toRecordedEvent(event);
      if (!mapped) continue;
      page.push(mapped);
      if (page.length >= maxCount) break;
    }
    return page;
  }

  subscribeToAll({ fromPosition = 'start' }: SubscribeToAllOptions = {}): EventSubscription {
    const subscription = this.client.subscribeToAll({
      fromPosition: toReadPosition(fromPosition),
      filter: excludeSystemEvents(),
    });
    let stopped = false;
    // Kept so that a failure before anyone iterates neither crashes the process (an 'error' event with
    // no listener) nor ends the iteration as if the subscription had been stopped.
    let failure: unknown;
    subscription.on('error', (error: Error) => {
      failure ??= error;
    });
    const stop = async (): Promise<void> => {
      if (stopped) return;
      stopped = true;
      await subscription.unsubscribe();
      // Unsubscribing ends the stream once the cancellation lands; destroying wakes a pending read now.
      subscription.destroy();
    };

    const map = this.toRecordedEvent;
    async function* follow(): AsyncGenerator<RecordedEvent> {
      try {
        if (failure !== undefined) throw failure;
        // The client reports caught-up / fell-behind as stream events, not items; anything without an
        // event is skipped anyway.
        for await (const { event } of subscription) {
          if (stopped) return;
          const mapped = event && isUserEvent(event) ? map(event) : null;
          if (mapped) yield mapped;
        }
        if (!stopped && failure !== undefined) throw failure;
      } catch (error) {
        if (!stopped) throw error;
      } finally {
        await stop();
      }
    }

    return { [Symbol.asyncIterator]: follow, stop };
  }

  async headPosition(): Promise<Position | null> {
    // Reading backwards past system events until the first user event; the read is cancelled there.
    for await (const event of this.userEvents({ fromPosition: END, direction: BACKWARDS })) {
      if (event.isJson) return packPosition(event.position);
    }
    return null;
  }

  async close(): Promise<void> {
    await this.client.dispose();
  }

  /** User events of `$all`; leaving the loop early cancels the server-side read. */
  private async *userEvents(options: EsdbReadAllOptions): AsyncGenerator<AllStreamRecordedEvent> {
    const read = this.client.readAll({ ...options, resolveLinkTos: false });
    let ended = false;
    try {
      for await (const { event } of read) if (event && isUserEvent(event)) yield event;
      ended = true;
    } finally {
      if (!ended) await read.cancel();
    }
  }
}

function toExpectedRevision(expected: ExpectedRevision): AppendExpectedRevision {
  if (expected === 'no_stream') return NO_STREAM;
  if (expected === 'any') return ANY;
  return BigInt(expected);
}

/**
 * Callers may pass a position that is not an event's, such as `p + 1n` for "just after p". ESDB rejects
 * a prepare position beyond the commit position, and such a position can only fall between `(commit,
 * commit)` and the next commit, so the read starts at `(commit, commit)`; callers drop what lies before.
 */
function toReadPosition(position: FromPosition): ReadPosition {
  if (position === 'start') return START;
  const { commit, prepare } = unpackPosition(position);
  return { commit, prepare: prepare > commit ? commit : prepare };
}

function isUserEvent(event: EsdbRecordedEvent): boolean {
  return !event.type.startsWith('$') && !event.streamId.startsWith('$');
}

/** `null` for a non-JSON event: its data and metadata are bytes, not an envelope. */
function toRecordedEvent(event: EsdbRecordedEvent): RecordedEvent | null {
  if (!event.isJson) return null;
  return {
    streamId: event.streamId,
    revision: Number(event.revision),
    position: event.position && event.position.commit !== UINT64_MASK ? packPosition(event.position) : 0n,
    type: event.type,
    data: event.data,
    metadata: event.metadata as unknown as EventMetadata,
    // The client already converts ESDB's .NET ticks into a Date; copy it so callers cannot mutate ours.
    recordedAt: new Date(event.created.getTime()),
  };
}
