import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext } from '../../../shared/application/command-context';
import { EventSourcing } from '../../../shared/application/event-sourcing.service';
import { NotFound } from '../../../shared/domain/domain-error';
import { replyDeliveryDecider, replyDeliveryStream } from '../domain/reply-delivery.decider';
import { ConversationsQueries } from '../read-models/conversations.queries';
import { ReplyOutbox } from './reply-outbox';

/** An agent sends a failed reply again: the same message, with the same Message-ID. */
export class RetryReply extends Command<void> {
  constructor(
    readonly conversationId: string,
    readonly messageId: string,
    readonly context: CommandContext & { accountId: string },
  ) {
    super();
  }
}

@CommandHandler(RetryReply)
export class RetryReplyHandler implements ICommandHandler<RetryReply> {
  constructor(
    private readonly eventSourcing: EventSourcing,
    private readonly conversations: ConversationsQueries,
    private readonly outbox: ReplyOutbox,
  ) {}

  async execute({ conversationId, messageId, context }: RetryReply): Promise<void> {
    const { accountId } = context;
    const message = this.conversations.message(accountId, conversationId, messageId);
    if (!message || message.direction !== 'outbound') throw new NotFound('Reply');
    const outcome = await this.eventSourcing.decide(
      replyDeliveryStream(messageId),
      replyDeliveryDecider,
      { type: 'RequestRetry', conversationId, accountId, messageId, now: new Date() },
      context,
    );
    await this.eventSourcing.waitForReadModels(outcome.position);
    this.outbox.wake();
  }
}
