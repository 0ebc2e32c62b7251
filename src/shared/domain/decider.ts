import type { Event } from './event-envelope';

/**
 * An aggregate as three pure functions. `decide` receives what it needs from outside (time, lookups)
 * in `deps`; `evolve` never throws and ignores events it does not know.
 */
export interface Decider<State, Command, E extends Event, Deps = void> {
  initialState(): State;
  evolve(state: State, event: E): State;
  decide(command: Command, state: State, deps: Deps): E[];
}
