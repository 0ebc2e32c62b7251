import type { Decider } from './decider';
import type { Event } from './event-envelope';

/** Given events, when a command, then events (or an error): the shape of every decider spec. */
export function given<State, Command, E extends Event, Deps>(decider: Decider<State, Command, E, Deps>, events: E[] = []) {
  const state = events.reduce(decider.evolve, decider.initialState());
  return {
    when: (command: Command, deps: Deps = undefined as Deps) => ({
      then: (expected: E[]) => expect(decider.decide(command, state, deps)).toEqual(expected),
      thenFails: (expected: Record<string, unknown>) => {
        let caught: unknown;
        try {
          decider.decide(command, state, deps);
        } catch (error) {
          caught = error;
        }
        expect(caught).toMatchObject(expected);
      },
    }),
  };
}
