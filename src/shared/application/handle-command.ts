import type { Decider } from '../domain/decider';
import type { Event } from '../domain/event-envelope';
import { ConcurrentModification } from '../domain/domain-error';
import { WrongExpectedVersion, type EventStore, type ExpectedRevision, type Position } from '../event-store/event-store.port';
import type { EventContracts } from '../event-store/event-contracts';
import { metadataFor, type CommandContext } from './command-context';

export interface CommandOutcome<E extends Event> {
  /** The events this call appended: empty when the decision changed nothing or the command was a repeat. */
  events: E[];
  /** True when the stream already held the effect of this command id. */
  repeated: boolean;
  nextExpectedRevision: number | null;
  /** Global position of the last event appended; null when nothing was appended. */
  position: Position | null;
}

export interface HandleCommandOptions {
  /** Attempts after a concurrent write: each reloads the stream and decides again. */
  retries?: number;
  now?: () => Date;
}

/**
 * The one way a command changes a stream: load it, fold it with `evolve`, let the pure `decide`
 * answer, and append with the revision that was read. A concurrent writer makes the append fail;
 * then the whole decision is taken again on the new state. Every event decided is checked against
 * its schema first: one that breaks it (EventContractViolation) is a bug, and nothing is written.
 */
export async function handleCommand<State, Command, E extends Event, Deps>(
  store: EventStore,
  contracts: EventContracts,
  streamId: string,
  decider: Decider<State, Command, E, Deps>,
  command: Command,
  context: CommandContext,
  deps: Deps,
  options: HandleCommandOptions = {},
): Promise<CommandOutcome<E>> {
  const attempts = 1 + (options.retries ?? 3);
  const now = options.now ?? (() => new Date());
  for (let attempt = 1; ; attempt++) {
    const recorded = await store.readStream(streamId);
    const revision = recorded.length === 0 ? null : recorded[recorded.length - 1].revision;
    if (context.commandId && recorded.some((event) => event.metadata.commandId === context.commandId)) {
      return { events: [], repeated: true, nextExpectedRevision: revision, position: null };
    }
    const state = recorded.reduce(
      (current, event) => decider.evolve(current, { type: event.type, data: event.data } as E),
      decider.initialState(),
    );
    const events = decider.decide(command, state, deps);
    if (events.length === 0) return { events, repeated: false, nextExpectedRevision: revision, position: null };
    for (const event of events) contracts.check(event);

    const expectedRevision: ExpectedRevision = revision === null ? 'no_stream' : revision;
    const at = now();
    try {
      const result = await store.appendToStream(
        streamId,
        events.map((event, index) => ({ type: event.type, data: event.data, metadata: metadataFor(context, streamId, index, at) })),
        { expectedRevision },
      );
      return { events, repeated: false, nextExpectedRevision: result.nextExpectedRevision, position: result.position };
    } catch (error) {
      if (!(error instanceof WrongExpectedVersion)) throw error;
      if (attempt >= attempts) throw new ConcurrentModification(streamId);
    }
  }
}
