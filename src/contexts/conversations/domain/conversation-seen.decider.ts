import type { Decider } from '../../../shared/domain/decider';
import type { Event } from '../../../shared/domain/event-envelope';

/** A user opened a conversation: everything in it up to `at` counts as read for them. */
export type ConversationSeen = Event<'ConversationSeen', { conversationId: string; accountId: string; userId: string; at: string }>;
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
