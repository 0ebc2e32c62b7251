import { z } from 'zod';
import { DomainError, InvalidInput } from '../../../shared/domain/domain-error';
import type { Event } from '../../../shared/domain/event-envelope';
import { Timestamp } from '../../../shared/domain/event-schema';

const Ids = { conversationId: z.string().min(1), accountId: z.string().min(1) };

/** Out of Open until `until`, or until the contact writes, whichever comes first. */
export const ConversationSnoozedData = z.object({ ...Ids, until: Timestamp, by: z.string().min(1) });
export type ConversationSnoozed = Event<'ConversationSnoozed', z.infer<typeof ConversationSnoozedData>>;
/** Back in Open: its time came, the contact wrote, or an agent unsnoozed it. */
export const ConversationWokeData = z.object({ ...Ids, because: z.enum(['time', 'message', 'agent']) });
export type ConversationWoke = Event<'ConversationWoke', z.infer<typeof ConversationWokeData>>;
export type SnoozeEvent = ConversationSnoozed | ConversationWoke;

export type SnoozeCommand =
  | { type: 'Snooze'; conversationId: string; accountId: string; until: Date; by: string; now: Date }
  | { type: 'Unsnooze'; conversationId: string; accountId: string }
  /** The scheduler's: wakes it if its time has come by `now` (and does nothing otherwise, so a repeat is harmless). */
  | { type: 'WakeIfDue'; conversationId: string; accountId: string; now: Date };

export const SNOOZE_COMMANDS: ReadonlySet<string> = new Set(['Snooze', 'Unsnooze', 'WakeIfDue']);

/** The furthest a snooze may reach. */
export const LONGEST_SNOOZE_MS = 366 * 24 * 3_600_000;

/**
 * A closed conversation is not snoozed: it is out of Open already, and waking it would reopen
 * what an agent finished. Reopen it first.
 */
export class ClosedConversationNotSnoozable extends DomainError {
  constructor() {
    super('CONVERSATION.CLOSED', 'conflict', 'A closed conversation cannot be snoozed; reopen it first');
  }
}

export interface SnoozeState {
  started: boolean;
  status: 'open' | 'closed';
  /** ISO time it wakes at; null when it is not snoozed. */
  snoozedUntil: string | null;
}

/** Snooze, unsnooze and the scheduled wake-up; doing what is already so records nothing. */
export function decideSnooze(command: SnoozeCommand, state: SnoozeState): SnoozeEvent[] {
  const { conversationId, accountId } = command;
  switch (command.type) {
    case 'Snooze': {
      const until = command.until.getTime();
      if (!Number.isFinite(until) || until <= command.now.getTime()) throw new InvalidInput('until', 'until must be a time in the future');
      if (until - command.now.getTime() > LONGEST_SNOOZE_MS) throw new InvalidInput('until', 'until must be at most a year from now');
      if (state.status === 'closed') throw new ClosedConversationNotSnoozable();
      const at = command.until.toISOString();
      if (state.snoozedUntil === at) return [];
      return [{ type: 'ConversationSnoozed', data: { conversationId, accountId, until: at, by: command.by } }];
    }
    case 'Unsnooze':
      return state.snoozedUntil === null ? [] : [woke(conversationId, accountId, 'agent')];
    case 'WakeIfDue':
      return state.snoozedUntil !== null && Date.parse(state.snoozedUntil) <= command.now.getTime() ? [woke(conversationId, accountId, 'time')] : [];
  }
}

export const woke = (conversationId: string, accountId: string, because: ConversationWoke['data']['because']): ConversationWoke => ({
  type: 'ConversationWoke',
  data: { conversationId, accountId, because },
});
