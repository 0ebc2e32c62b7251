import { randomUUID } from 'node:crypto';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext } from '../../../shared/application/command-context';
import { EventSourcing } from '../../../shared/application/event-sourcing.service';
import { deterministicId } from '../../../shared/domain/deterministic-id';
import { NotFound } from '../../../shared/domain/domain-error';
import { AccountsQueries } from '../../accounts/contract';
import { conversationDecider, conversationStream } from '../domain/conversation.decider';
import { ConversationsQueries } from '../read-models/conversations.queries';

/** An internal note by a signed-in user, with mentions of colleagues (`@[name](userId)`). */
export class AddNote extends Command<{ noteId: string }> {
  constructor(
    readonly conversationId: string,
    readonly text: string,
    readonly context: CommandContext & { accountId: string; userId: string },
  ) {
    super();
  }
}

@CommandHandler(AddNote)
export class AddNoteHandler implements ICommandHandler<AddNote> {
  constructor(
    private readonly eventSourcing: EventSourcing,
    private readonly conversations: ConversationsQueries,
    private readonly accounts: AccountsQueries,
  ) {}

  async execute({ conversationId, text, context }: AddNote): Promise<{ noteId: string }> {
    const { accountId, userId } = context;
    // Another account's conversation is answered like one that does not exist.
    if (!this.conversations.conversation(accountId, conversationId)) throw new NotFound('Conversation');
    const users = this.accounts.users(accountId);
    const author = users.find((user) => user.userId === userId);
    const noteId = context.commandId ? deterministicId(context.commandId, 'note') : randomUUID();
    const outcome = await this.eventSourcing.decide(
      conversationStream(conversationId),
      conversationDecider,
      {
        type: 'AddNote',
        conversationId,
        accountId,
        noteId,
        author: { id: userId, name: author?.name ?? '' },
        text,
        colleagues: users.filter((user) => user.active).map(({ userId: id, name }) => ({ userId: id, name })),
        now: new Date(),
      },
      context,
    );
    await this.eventSourcing.waitForReadModels(outcome.position);
    return { noteId };
  }
}
