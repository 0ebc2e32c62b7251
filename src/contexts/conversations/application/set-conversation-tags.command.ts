import { randomUUID } from 'node:crypto';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext } from '../../../shared/application/command-context';
import { EventSourcing } from '../../../shared/application/event-sourcing.service';
import { NotFound } from '../../../shared/domain/domain-error';
import { conversationDecider, conversationStream } from '../domain/conversation.decider';
import { tagCatalogueDecider, tagCatalogueStream, tagIdsByKey } from '../domain/tag-catalogue.decider';
import { tagKey, tagNames } from '../domain/tag-name';
import { ConversationsQueries } from '../read-models/conversations.queries';
import type { ActOutcome } from './act-on-conversation.command';

/**
 * Give a conversation exactly these tags (by name), or with `add` these besides the ones it carries;
 * names the account has no tag for yet become tags.
 */
export class SetConversationTags extends Command<ActOutcome> {
  constructor(
    readonly conversationId: string,
    readonly tags: unknown,
    readonly context: CommandContext & { accountId: string },
    readonly mode: 'exactly' | 'add' = 'exactly',
  ) {
    super();
  }
}

@CommandHandler(SetConversationTags)
export class SetConversationTagsHandler implements ICommandHandler<SetConversationTags> {
  constructor(
    private readonly eventSourcing: EventSourcing,
    private readonly conversations: ConversationsQueries,
  ) {}

  async execute({ conversationId, tags, context, mode }: SetConversationTags): Promise<ActOutcome> {
    const { accountId } = context;
    const names = tagNames(tags);
    // Another account's conversation is answered like one that does not exist.
    if (!this.conversations.conversation(accountId, conversationId)) throw new NotFound('Conversation');
    const catalogueStream = tagCatalogueStream(accountId);
    const created = await this.eventSourcing.decide(
      catalogueStream,
      tagCatalogueDecider,
      { type: 'CreateTags', accountId, tags: names.map((name) => ({ tagId: randomUUID(), name })) },
      context,
    );
    const catalogue = await this.eventSourcing.load(catalogueStream, tagCatalogueDecider);
    const ids = tagIdsByKey(catalogue);
    // A tag an admin deleted in the meantime is left off rather than revived.
    const tagIds = names.map((name) => ids.get(tagKey(name))).filter((id): id is string => id !== undefined);
    const tagged = await this.eventSourcing.decide(
      conversationStream(conversationId),
      conversationDecider,
      { type: 'SetTags', conversationId, accountId, tagIds, catalogue: Object.keys(catalogue.tags), keep: mode === 'add' },
      context,
    );
    await this.eventSourcing.waitForReadModels(created.position, tagged.position);
    return tagged.position === null ? 'unchanged' : 'done';
  }
}
