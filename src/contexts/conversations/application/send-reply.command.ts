import { randomUUID } from 'node:crypto';
import { Command, CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext } from '../../../shared/application/command-context';
import { EventSourcing } from '../../../shared/application/event-sourcing.service';
import { NotFound } from '../../../shared/domain/domain-error';
import { AccountsQueries } from '../../accounts/contract';
import { conversationDecider, conversationStream } from '../domain/conversation.decider';
import type { ReplyRoute } from '../domain/reply-rules';
import { ConversationsQueries } from '../read-models/conversations.queries';
import { ReplyComposer } from './reply-composer';
import { SendEmailReply, type ReplyInput } from './send-email-reply.command';

/** An agent's reply, sent where the conversation can be reached: by email, or into the visitor's chat. */
export class SendReply extends Command<{ messageId: string; via: ReplyRoute }> {
  constructor(
    readonly conversationId: string,
    readonly input: ReplyInput,
    readonly context: CommandContext & { accountId: string; userId: string },
  ) {
    super();
  }
}

@CommandHandler(SendReply)
export class SendReplyHandler implements ICommandHandler<SendReply> {
  constructor(
    private readonly commands: CommandBus,
    private readonly eventSourcing: EventSourcing,
    private readonly conversations: ConversationsQueries,
    private readonly composer: ReplyComposer,
    private readonly accounts: AccountsQueries,
  ) {}

  async execute({ conversationId, input, context }: SendReply): Promise<{ messageId: string; via: ReplyRoute }> {
    const { accountId, userId } = context;
    const conversation = this.conversations.conversation(accountId, conversationId);
    if (!conversation) throw new NotFound('Conversation');
    const { via } = this.composer.compose(accountId, userId, conversation, input.text);
    if (via === 'email') return { ...(await this.commands.execute(new SendEmailReply(conversationId, input, context))), via };
    const messageId = randomUUID();
    const outcome = await this.eventSourcing.decide(
      conversationStream(conversationId),
      conversationDecider,
      { type: 'PostChatReply', conversationId, accountId, messageId, authorId: userId, authorName: this.accounts.user(accountId, userId)?.name ?? '', text: input.text, now: new Date() },
      context,
    );
    await this.eventSourcing.waitForReadModels(outcome.position);
    return { messageId, via };
  }
}
