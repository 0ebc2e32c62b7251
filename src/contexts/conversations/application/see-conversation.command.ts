import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext } from '../../../shared/application/command-context';
import { EventSourcing } from '../../../shared/application/event-sourcing.service';
import { NotFound } from '../../../shared/domain/domain-error';
import { conversationSeenDecider, conversationSeenStream } from '../domain/conversation-seen.decider';
import { ConversationsQueries } from '../read-models/conversations.queries';
import { InboxQueries } from '../read-models/inbox.queries';

/**
 * The signed-in user opened a conversation: it is no longer unread for them, up to the newest
 * activity their page showed (`upTo`), so mail that arrived after the page rendered stays unread.
 */
export class SeeConversation extends Command<void> {
  constructor(
    readonly conversationId: string,
    readonly context: CommandContext & { accountId: string; userId: string },
    readonly upTo: Date | null = null,
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

  async execute({ conversationId, context, upTo }: SeeConversation): Promise<void> {
    const { accountId, userId } = context;
    if (!this.conversations.conversation(accountId, conversationId)) throw new NotFound('Conversation');
    const outcome = await this.eventSourcing.decide(
      conversationSeenStream(conversationId, userId),
      conversationSeenDecider,
      { type: 'SeeConversation', conversationId, accountId, userId },
      context,
      { now: seenAt(upTo, new Date()), lastInboundAt: this.inbox.lastInboundAt(conversationId) },
    );
    await this.eventSourcing.waitForReadModels(outcome.position);
  }
}

/** What counts as seen: up to what the page showed, never later than now. */
const seenAt = (upTo: Date | null, now: Date) => (upTo && upTo < now ? upTo : now).toISOString();
