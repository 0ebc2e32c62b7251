import { randomUUID } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext } from '../../../shared/application/command-context';
import { EventSourcing } from '../../../shared/application/event-sourcing.service';
import { APP_CONFIG, type AppConfig } from '../../../shared/config/app-config';
import { deterministicId } from '../../../shared/domain/deterministic-id';
import { NotFound } from '../../../shared/domain/domain-error';
import { sanitizeMailHtml } from '../../inbound-mail/contract';
import { conversationDecider, conversationStream } from '../domain/conversation.decider';
import { ConversationsQueries } from '../read-models/conversations.queries';
import { ReplyComposer } from './reply-composer';
import { ReplyOutbox } from './reply-outbox';

export interface ReplyInput {
  /** The agent's subject; the channel's default subject when absent. */
  subject?: string;
  text: string;
  html?: string;
}

/** An agent's email reply to the conversation's contact: recorded, then handed to the outbox. */
export class SendEmailReply extends Command<{ messageId: string }> {
  constructor(
    readonly conversationId: string,
    readonly input: ReplyInput,
    readonly context: CommandContext & { accountId: string; userId: string },
  ) {
    super();
  }
}

@CommandHandler(SendEmailReply)
export class SendEmailReplyHandler implements ICommandHandler<SendEmailReply> {
  constructor(
    private readonly eventSourcing: EventSourcing,
    private readonly conversations: ConversationsQueries,
    private readonly composer: ReplyComposer,
    private readonly outbox: ReplyOutbox,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async execute({ conversationId, input, context }: SendEmailReply): Promise<{ messageId: string }> {
    const { accountId, userId } = context;
    const conversation = this.conversations.conversation(accountId, conversationId);
    if (!conversation) throw new NotFound('Conversation');
    const composed = this.composer.compose(accountId, userId, conversation, input.text);
    const messageId = context.commandId ? deterministicId(context.commandId, 'reply') : randomUUID();
    const outcome = await this.eventSourcing.decide(
      conversationStream(conversationId),
      conversationDecider,
      {
        type: 'QueueReply',
        conversationId,
        accountId,
        reply: {
          messageId,
          authorId: userId,
          fromName: composed.fromName,
          subject: input.subject?.trim() || composed.subject,
          text: composed.text,
          html: input.html ? sanitizeMailHtml(input.html) : composed.html,
        },
        channel: composed.channel,
        ownDomain: this.config.inboxDomain,
        now: new Date(),
      },
      context,
    );
    await this.eventSourcing.waitForReadModels(outcome.position);
    this.outbox.wake();
    return { messageId };
  }
}
