import { z } from 'zod';
import type { Decider } from '../../../shared/domain/decider';
import type { Event } from '../../../shared/domain/event-envelope';
import { Timestamp } from '../../../shared/domain/event-schema';

/** A user opened a conversation: everything in it up to `at` counts as read for them. */
export const ConversationSeenData = z.object({ conversationId: z.string().min(1), accountId: z.string().min(1), userId: z.string().min(1), at: Timestamp });
export type ConversationSeen = Event<'ConversationSeen', z.infer<typeof ConversationSeenData>>;
export type ConversationSeenEvent = ConversationSeen;

export interface SeeConversation {
  type: 'SeeConversation';
  conversationId: string;
  accountId: string;
  userId: string;
}

export interface SeenState {
  lastSeenAt: string | null;
}

/** One short stream per user and conversation, so loading it stays cheap however much a user reads. */
export const conversationSeenStream = (conversationId: string, userId: string) => `conversationseen-${conversationId}.${userId}`;

export const conversationSeenDecider: Decider<SeenState, SeeConversation, ConversationSeenEvent, { now: string; lastInboundAt: string | null }> = {
  initialState: () => ({ lastSeenAt: null }),
  evolve: (state, event) => (event.type === 'ConversationSeen' ? { lastSeenAt: event.data.at } : state),
  decide: (command, state, { now, lastInboundAt }) => {
    // Seeing again what was already seen changes nothing, so it records nothing.
    if (state.lastSeenAt !== null && (lastInboundAt === null || state.lastSeenAt >= lastInboundAt)) return [];
    const { conversationId, accountId, userId } = command;
    return [{ type: 'ConversationSeen', data: { conversationId, accountId, userId, at: now } }];
  },
};
