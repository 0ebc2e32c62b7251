import { z } from 'zod';
import type { Decider } from '../../../shared/domain/decider';
import { DomainError, NotFound } from '../../../shared/domain/domain-error';
import type { Event } from '../../../shared/domain/event-envelope';
import { tagKey } from './tag-name';

const TagIds = { accountId: z.string().min(1), tagId: z.string().min(1) };
const Name = z.string().min(1).max(40);

/** A name became a tag of the account (an agent typed it into a conversation's tags). */
export const TagCreatedData = z.object({ ...TagIds, name: Name });
export type TagCreated = Event<'TagCreated', z.infer<typeof TagCreatedData>>;
/** An admin renamed a tag: every conversation carrying it shows the new name, from this one event. */
export const TagRenamedData = z.object({ ...TagIds, name: Name, previousName: Name });
export type TagRenamed = Event<'TagRenamed', z.infer<typeof TagRenamedData>>;
/** An admin deleted a tag: it leaves every conversation, recorded once here. */
export const TagDeletedData = z.object({ ...TagIds, name: Name });
export type TagDeleted = Event<'TagDeleted', z.infer<typeof TagDeletedData>>;
export type TagCatalogueEvent = TagCreated | TagRenamed | TagDeleted;

export type TagCatalogueCommand =
  /** Names to make tags of; each comes with the id it gets should it be new. */
  | { type: 'CreateTags'; accountId: string; tags: Array<{ tagId: string; name: string }> }
  | { type: 'RenameTag'; accountId: string; tagId: string; name: string }
  | { type: 'DeleteTag'; accountId: string; tagId: string };

export interface TagCatalogueState {
  /** The account's tags, by id: deleted ones are gone. */
  tags: Record<string, string>;
}

export class TagNameTaken extends DomainError {
  constructor(name: string) {
    super('TAGS.NAME_TAKEN', 'conflict', `name: another tag is already called "${name}"`, 'name');
  }
}

/** One stream per account: the tags' names live here once, conversations carry only their ids. */
export const tagCatalogueStream = (accountId: string) => `tagcatalogue-${accountId}`;

/** The id of each name's tag, by the names' keys. */
export function tagIdsByKey(state: TagCatalogueState): Map<string, string> {
  return new Map(Object.entries(state.tags).map(([id, name]) => [tagKey(name), id]));
}

export const tagCatalogueDecider: Decider<TagCatalogueState, TagCatalogueCommand, TagCatalogueEvent> = {
  initialState: () => ({ tags: {} }),

  evolve: (state, event) => {
    switch (event.type) {
      case 'TagCreated':
      case 'TagRenamed':
        return { tags: { ...state.tags, [event.data.tagId]: event.data.name } };
      case 'TagDeleted': {
        const { [event.data.tagId]: _deleted, ...tags } = state.tags;
        return { tags };
      }
      default:
        return state;
    }
  },

  decide: (command, state) => {
    const { accountId } = command;
    switch (command.type) {
      case 'CreateTags': {
        const known = tagIdsByKey(state);
        const events: TagCatalogueEvent[] = [];
        for (const { tagId, name } of command.tags) {
          if (known.has(tagKey(name))) continue;
          known.set(tagKey(name), tagId);
          events.push({ type: 'TagCreated', data: { accountId, tagId, name } });
        }
        return events;
      }
      case 'RenameTag': {
        const previousName = state.tags[command.tagId];
        if (previousName === undefined) throw new NotFound('Tag');
        if (previousName === command.name) return [];
        const holder = tagIdsByKey(state).get(tagKey(command.name));
        if (holder !== undefined && holder !== command.tagId) throw new TagNameTaken(command.name);
        return [{ type: 'TagRenamed', data: { accountId, tagId: command.tagId, name: command.name, previousName } }];
      }
      case 'DeleteTag': {
        const name = state.tags[command.tagId];
        if (name === undefined) throw new NotFound('Tag');
        return [{ type: 'TagDeleted', data: { accountId, tagId: command.tagId, name } }];
      }
    }
  },
};
