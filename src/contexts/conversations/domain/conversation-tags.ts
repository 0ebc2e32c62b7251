import { z } from 'zod';
import { InvalidInput, NotFound } from '../../../shared/domain/domain-error';
import type { Event } from '../../../shared/domain/event-envelope';
import { MAX_TAGS_PER_CONVERSATION } from './tag-name';

/** Tags (by id, from the account's tag catalogue) put on and taken off a conversation in one change. */
export const ConversationTagsChangedData = z.object({
  conversationId: z.string().min(1),
  accountId: z.string().min(1),
  added: z.array(z.string().min(1)).max(MAX_TAGS_PER_CONVERSATION),
  removed: z.array(z.string().min(1)),
});
export type ConversationTagsChanged = Event<'ConversationTagsChanged', z.infer<typeof ConversationTagsChangedData>>;

/** Give a conversation exactly these tags. `catalogue`: the ids of the account's tags now (deleted ones are not). */
export interface SetTags {
  type: 'SetTags';
  conversationId: string;
  accountId: string;
  tagIds: string[];
  catalogue: string[];
  /** Add these to the tags it carries and take none off (a bulk action), rather than set exactly these. */
  keep?: boolean;
}

/** The tag ids a conversation carries once `event` happened. */
export function tagsAfter(tagIds: string[], event: ConversationTagsChanged): string[] {
  const removed = new Set(event.data.removed);
  return [...tagIds.filter((id) => !removed.has(id)), ...event.data.added.filter((id) => !tagIds.includes(id))];
}

/**
 * What setting the tags changes: only the difference is recorded, and nothing when there is none. A
 * tag deleted from the catalogue is already gone from every conversation, so it is never "removed" again.
 */
export function decideTags(command: SetTags, state: { started: boolean; tagIds: string[] }): ConversationTagsChanged[] {
  if (!state.started) throw new NotFound('Conversation');
  const live = new Set(command.catalogue);
  const current = state.tagIds.filter((id) => live.has(id));
  const wanted = [...new Set([...(command.keep ? current : []), ...command.tagIds])];
  if (wanted.length > MAX_TAGS_PER_CONVERSATION) {
    throw new InvalidInput('tags', `tags: a conversation carries at most ${MAX_TAGS_PER_CONVERSATION} tags`, 'TAGS.TOO_MANY');
  }
  const added = wanted.filter((id) => !current.includes(id));
  const removed = current.filter((id) => !wanted.includes(id));
  if (added.length === 0 && removed.length === 0) return [];
  return [{ type: 'ConversationTagsChanged', data: { conversationId: command.conversationId, accountId: command.accountId, added, removed } }];
}
