import type { Decider } from '../../../shared/domain/decider';
import type { Event } from '../../../shared/domain/event-envelope';

/**
 * Sessions are events so that every app node (each with its own read models) sees a logout. The
 * stream is named after the hash of the cookie's token: the log never holds a usable token.
 */
export type SessionStarted = Event<'SessionStarted', { sessionId: string; userId: string; accountId: string; expiresAt: string }>;
export type SessionEnded = Event<'SessionEnded', { sessionId: string; reason: 'logout' }>;
export type SessionEvent = SessionStarted | SessionEnded;

export type SessionCommand =
  | { type: 'StartSession'; sessionId: string; userId: string; accountId: string; expiresAt: string }
  | { type: 'EndSession'; sessionId: string };

export const SESSION_LIFETIME_MS = 14 * 24 * 60 * 60 * 1000;
export const sessionStream = (sessionId: string) => `session-${sessionId}`;

export const sessionDecider: Decider<{ started: boolean; ended: boolean }, SessionCommand, SessionEvent> = {
  initialState: () => ({ started: false, ended: false }),
  evolve: (state, event) => {
    switch (event.type) {
      case 'SessionStarted':
        return { ...state, started: true };
      case 'SessionEnded':
        return { ...state, ended: true };
      default:
        return state;
    }
  },
  decide: (command, state) => {
    switch (command.type) {
      case 'StartSession': {
        if (state.started) return [];
        const { sessionId, userId, accountId, expiresAt } = command;
        return [{ type: 'SessionStarted', data: { sessionId, userId, accountId, expiresAt } }];
      }
      case 'EndSession':
        return state.started && !state.ended ? [{ type: 'SessionEnded', data: { sessionId: command.sessionId, reason: 'logout' } }] : [];
    }
  },
};
