import { Inject, Injectable } from '@nestjs/common';
import type { Decider } from '../domain/decider';
import type { Event } from '../domain/event-envelope';
import { EVENT_STORE, type EventStore, type Position } from '../event-store/event-store.port';
import { EVENT_CONTRACTS } from '../event-store/event-store.module';
import { EventContracts } from '../event-store/event-contracts';
import { SubscriptionsService } from '../projections/subscriptions.service';
import type { CommandContext } from './command-context';
import { handleCommand, type CommandOutcome } from './handle-command';

/** What command handlers use to change streams, and to wait until the read models show the change. */
@Injectable()
export class EventSourcing {
  constructor(
    @Inject(EVENT_STORE) readonly store: EventStore,
    @Inject(EVENT_CONTRACTS) private readonly contracts: EventContracts,
    private readonly subscriptions: SubscriptionsService,
  ) {}

  decide<State, Command, E extends Event>(
    streamId: string,
    decider: Decider<State, Command, E, void>,
    command: Command,
    context: CommandContext,
  ): Promise<CommandOutcome<E>>;
  decide<State, Command, E extends Event, Deps>(
    streamId: string,
    decider: Decider<State, Command, E, Deps>,
    command: Command,
    context: CommandContext,
    deps: Deps,
  ): Promise<CommandOutcome<E>>;
  decide<State, Command, E extends Event, Deps>(
    streamId: string,
    decider: Decider<State, Command, E, Deps>,
    command: Command,
    context: CommandContext,
    deps?: Deps,
  ): Promise<CommandOutcome<E>> {
    return handleCommand(this.store, this.contracts, streamId, decider, command, context, deps as Deps);
  }

  /** The current state of a stream, folded by its decider's `evolve`. */
  async load<State, E extends Event>(streamId: string, decider: Pick<Decider<State, never, E, never>, 'initialState' | 'evolve'>): Promise<State> {
    const events = await this.store.readStream(streamId);
    return events.reduce((state, event) => decider.evolve(state, { type: event.type, data: event.data } as E), decider.initialState());
  }

  /** Read-your-writes: the HTTP answer goes out once the projections have applied `positions`. */
  waitForReadModels(...positions: Array<Position | null>): Promise<void> {
    return this.subscriptions.waitForProjections(latest(positions));
  }

  /** As waitForReadModels, and the process managers' reactions to `positions` are visible too. */
  settle(...positions: Array<Position | null>): Promise<void> {
    return this.subscriptions.settle(latest(positions));
  }
}

function latest(positions: Array<Position | null>): Position | null {
  return positions.reduce<Position | null>((max, p) => (p !== null && (max === null || p > max) ? p : max), null);
}
