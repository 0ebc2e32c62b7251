import { Inject } from '@nestjs/common';
import { Command, CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext } from '../../../shared/application/command-context';
import { EventSourcing } from '../../../shared/application/event-sourcing.service';
import { SERVER_SECRET } from '../../../shared/config/server-secret';
import { ConversationsQueries, IdentifyChatVisitor } from '../../conversations/contract';
import { CODE_ATTEMPTS, VisitorCodeIncorrect, visitorEmailCode, visitorEmailDecider, visitorEmailStream } from '../domain/visitor-email.decider';

/**
 * The visitor enters the code mailed to the address they claimed. Only then does the chat join the
 * contact of that address (now, or with its first line when it has not started yet).
 */
export class VerifyVisitorEmail extends Command<{ email: string }> {
  constructor(
    readonly conversationId: string,
    readonly code: string,
    readonly context: CommandContext & { accountId: string },
  ) {
    super();
  }
}

@CommandHandler(VerifyVisitorEmail)
export class VerifyVisitorEmailHandler implements ICommandHandler<VerifyVisitorEmail> {
  constructor(
    private readonly eventSourcing: EventSourcing,
    private readonly commands: CommandBus,
    private readonly conversations: ConversationsQueries,
    @Inject(SERVER_SECRET) private readonly secret: string,
  ) {}

  async execute({ conversationId, code, context }: VerifyVisitorEmail): Promise<{ email: string }> {
    const { accountId } = context;
    const { events } = await this.eventSourcing.decide(
      visitorEmailStream(conversationId),
      visitorEmailDecider,
      { type: 'VerifyVisitorEmail', conversationId, accountId, code },
      context,
      { now: new Date(), codeFor: (nonce) => visitorEmailCode(this.secret, conversationId, nonce) },
    );
    const [outcome] = events;
    // A wrong code is recorded (the attempts count across nodes) and then refused.
    if (outcome?.type === 'ChatVisitorCodeRejected') throw new VisitorCodeIncorrect(CODE_ATTEMPTS - outcome.data.attempt);
    if (outcome?.type !== 'ChatVisitorEmailVerified') throw new Error(`verifying a chat email recorded ${outcome?.type ?? 'nothing'}`);
    const { email, name } = outcome.data;
    if (this.conversations.conversation(accountId, conversationId)) {
      await this.commands.execute(new IdentifyChatVisitor(conversationId, { name, email }, context));
    }
    return { email };
  }
}
