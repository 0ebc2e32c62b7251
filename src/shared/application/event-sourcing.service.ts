import { Inject, Injectable } from '@nestjs/common';
import type { Decider } from '../domain/decider';
import type { Event } from '../domain/event-envelope';
import { EVENT_STORE, type EventStore, type Position } from '../event-store/event-store.port';
import { SubscriptionsService } from '../projections/subscriptions.service';
import type { CommandContext } from './command-context';
import { handleCommand, type CommandOutcome } from './handle-command';

/** What command handlers use to change streams, and to wait until the read models show the change. */
@Injectable()
export class EventSourcing {
  constructor(
    @Inject(EVENT_STORE) readonly store: EventStore,
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
    return handleCommand(this.store, streamId, decider, command, context, deps as Deps);
  }

  /** Read-your-writes: the HTTP answer goes out once the projections have applied `position`. */
  waitForReadModels(...positions: Array<Position | null>): Promise<void> {
    const known = positions.filter((p): p is Position => p !== null);
    if (known.length === 0) return Promise.resolve();
    return this.subscriptions.waitForProjections(known.reduce((a, b) => (a > b ? a : b)));
  }
}
