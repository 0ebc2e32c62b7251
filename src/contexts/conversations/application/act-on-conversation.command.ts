import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext } from '../../../shared/application/command-context';
import { EventSourcing } from '../../../shared/application/event-sourcing.service';
import { InvalidInput, NotFound } from '../../../shared/domain/domain-error';
import { AccountsQueries } from '../../accounts/contract';
import { isAssignable } from '../domain/assignment';
import { conversationDecider, conversationStream } from '../domain/conversation.decider';
import { ConversationsQueries } from '../read-models/conversations.queries';

export type ConversationAction = { type: 'Close' } | { type: 'Reopen' } | { type: 'Assign'; assigneeId: string | null };
/** `unchanged`: the conversation already was so (closed, open, with that assignee), and nothing was appended. */
export type ActOutcome = 'done' | 'unchanged';

/** Close, reopen, assign or unassign a conversation of the caller's account. */
export class ActOnConversation extends Command<ActOutcome> {
  constructor(
    readonly conversationId: string,
    readonly action: ConversationAction,
    readonly context: CommandContext & { accountId: string },
  ) {
    super();
  }
}

@CommandHandler(ActOnConversation)
export class ActOnConversationHandler implements ICommandHandler<ActOnConversation> {
  constructor(
    private readonly eventSourcing: EventSourcing,
    private readonly conversations: ConversationsQueries,
    private readonly accounts: AccountsQueries,
  ) {}

  async execute({ conversationId, action, context }: ActOnConversation): Promise<ActOutcome> {
    const { accountId } = context;
    // Another account's conversation is answered like one that does not exist.
    if (!this.conversations.conversation(accountId, conversationId)) throw new NotFound('Conversation');
    if (action.type === 'Assign' && action.assigneeId !== null) {
      const assignee = this.accounts.user(accountId, action.assigneeId);
      if (!assignee || !isAssignable(assignee)) throw new InvalidInput('userId', 'userId must name an active user of this account who can reply (not an auditor)');
    }
    const outcome = await this.eventSourcing.decide(conversationStream(conversationId), conversationDecider, { ...action, conversationId, accountId }, context);
    await this.eventSourcing.waitForReadModels(outcome.position);
    return outcome.events.length > 0 || outcome.repeated ? 'done' : 'unchanged';
  }
}
