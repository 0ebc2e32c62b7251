import { z } from 'zod';
import type { Decider } from '../../../shared/domain/decider';
import type { Event } from '../../../shared/domain/event-envelope';
import { Timestamp } from '../../../shared/domain/event-schema';

/**
 * Sessions are events so that every app node (each with its own read models) sees a logout. The
 * stream is named after the hash of the cookie's token: the log never holds a usable token.
 */
export const SessionStartedData = z.object({ sessionId: z.string().min(1), userId: z.string().min(1), accountId: z.string().min(1), expiresAt: Timestamp });
export type SessionStarted = Event<'SessionStarted', z.infer<typeof SessionStartedData>>;
export const SessionEndedData = z.object({ sessionId: z.string().min(1), reason: z.literal('logout') });
export type SessionEnded = Event<'SessionEnded', z.infer<typeof SessionEndedData>>;
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
