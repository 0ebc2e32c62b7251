import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext } from '../../../shared/application/command-context';
import { EventSourcing } from '../../../shared/application/event-sourcing.service';
import { NotFound } from '../../../shared/domain/domain-error';
import { conversationSeenDecider, conversationSeenStream } from '../domain/conversation-seen.decider';
import { ConversationsQueries } from '../read-models/conversations.queries';
import { InboxQueries } from '../read-models/inbox.queries';

/** The signed-in user opened a conversation: it is no longer unread for them. */
export class SeeConversation extends Command<void> {
  constructor(
    readonly conversationId: string,
    readonly context: CommandContext & { accountId: string; userId: string },
  ) {
    super();
  }
}

@CommandHandler(SeeConversation)
export class SeeConversationHandler implements ICommandHandler<SeeConversation> {
  constructor(
    private readonly eventSourcing: EventSourcing,
    private readonly conversations: ConversationsQueries,
    private readonly inbox: InboxQueries,
  ) {}

  async execute({ conversationId, context }: SeeConversation): Promise<void> {
    const { accountId, userId } = context;
    if (!this.conversations.conversation(accountId, conversationId)) throw new NotFound('Conversation');
    const outcome = await this.eventSourcing.decide(
      conversationSeenStream(conversationId, userId),
      conversationSeenDecider,
      { type: 'SeeConversation', conversationId, accountId, userId },
      context,
      { now: new Date().toISOString(), lastInboundAt: this.inbox.lastInboundAt(conversationId) },
    );
    await this.eventSourcing.waitForReadModels(outcome.position);
  }
}
