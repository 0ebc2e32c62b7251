import { z } from 'zod';
import type { Decider } from '../../../shared/domain/decider';
import type { Event } from '../../../shared/domain/event-envelope';
import { Timestamp } from '../../../shared/domain/event-schema';

/** How many notifications one request may mark read by id. */
export const MAX_NOTIFICATIONS_MARKED = 100;

/**
 * A user read their notifications: the ones named, or (`ids: null`) every one they had up to `at`.
 * A notification is a projection of the event that caused it (a mention in a note), so reading it
 * is the only event of its own; a per-user preference (by email, or not) can join this stream later.
 */
export const NotificationsReadData = z.object({
  accountId: z.string().min(1),
  userId: z.string().min(1),
  ids: z.array(z.string().min(1)).min(1).max(MAX_NOTIFICATIONS_MARKED).nullable(),
  at: Timestamp,
});
export type NotificationsRead = Event<'NotificationsRead', z.infer<typeof NotificationsReadData>>;
export type NotificationsEvent = NotificationsRead;

export interface MarkNotificationsRead {
  type: 'MarkNotificationsRead';
  accountId: string;
  userId: string;
  /** The ids asked for, or null for all. */
  ids: string[] | null;
}

/** What the read model knows when the user asks: which of the notifications asked for are still unread. */
export interface UnreadNow {
  unreadIds: readonly string[];
  now: string;
}

/** One stream per user: what they have read (and, later, how they want to be told). */
export const userNotificationsStream = (userId: string) => `usernotifications-${userId}`;

export const notificationsDecider: Decider<Record<string, never>, MarkNotificationsRead, NotificationsEvent, UnreadNow> = {
  initialState: () => ({}),
  evolve: (state) => state,
  decide: (command, _state, { unreadIds, now }) => {
    // Reading what is already read records nothing.
    if (unreadIds.length === 0) return [];
    const { accountId, userId } = command;
    return [{ type: 'NotificationsRead', data: { accountId, userId, ids: command.ids === null ? null : [...unreadIds], at: now } }];
  },
};
