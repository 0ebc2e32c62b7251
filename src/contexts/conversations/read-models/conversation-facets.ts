import type { ConversationEvent } from '../domain/conversation.decider';

/** What the inbox counts a conversation by: its account, channel, tab (status) and assignee. */
export interface Facets {
  account_id: string;
  channel: string;
  /** The inbox tab: `open`, `snoozed` (open, out of Open for now) or `closed`. */
  status: string;
  /** '' stands for "nobody": a key column cannot hold NULL usefully. */
  assignee: string;
}

/** A conversation's facets when it starts. */
export function startingFacets(event: Extract<ConversationEvent, { type: 'ConversationStarted' }>): Facets {
  return { account_id: event.data.accountId, channel: event.data.channel, status: 'open', assignee: '' };
}

/**
 * What an event changes of a conversation's facets, or null when nothing: the one rule of which
 * tab a conversation counts on, for every read model that counts (the tab counts, the tags' counts).
 */
export function facetChange(event: ConversationEvent): { conversationId: string; change: Partial<Facets> } | null {
  switch (event.type) {
    case 'ConversationClosed':
    case 'ConversationReopened':
      return { conversationId: event.data.conversationId, change: { status: event.type === 'ConversationClosed' ? 'closed' : 'open' } };
    // A snoozed conversation counts on the Snoozed tab, not on Open.
    case 'ConversationSnoozed':
      return { conversationId: event.data.conversationId, change: { status: 'snoozed' } };
    case 'ConversationWoke':
      return { conversationId: event.data.conversationId, change: { status: 'open' } };
    case 'ConversationAssigned':
      return { conversationId: event.data.conversationId, change: { assignee: event.data.assigneeId ?? '' } };
    default:
      return null;
  }
}
