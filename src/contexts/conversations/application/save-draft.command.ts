import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext } from '../../../shared/application/command-context';
import { EventSourcing } from '../../../shared/application/event-sourcing.service';
import { NotFound } from '../../../shared/domain/domain-error';
import { draftDecider, draftStream } from '../domain/draft.decider';
import { ConversationsQueries } from '../read-models/conversations.queries';

export type SavedDraft = { text: string; subject: string | null; savedAt: string } | null;

/**
 * The composer saves what the signed-in user is writing (or, with `text: null`, throws it away).
 * Answers the draft as it now stands: null once there is none.
 */
export class SaveDraft extends Command<SavedDraft> {
  constructor(
    readonly conversationId: string,
    readonly draft: { text: string; subject: string | null } | null,
    readonly context: CommandContext & { accountId: string; userId: string },
  ) {
    super();
  }
}

@CommandHandler(SaveDraft)
export class SaveDraftHandler implements ICommandHandler<SaveDraft> {
  constructor(
    private readonly eventSourcing: EventSourcing,
    private readonly conversations: ConversationsQueries,
  ) {}

  async execute({ conversationId, draft, context }: SaveDraft): Promise<SavedDraft> {
    const { accountId, userId } = context;
    if (!this.conversations.conversation(accountId, conversationId)) throw new NotFound('Conversation');
    const ids = { conversationId, accountId, userId, now: new Date() };
    const outcome = await this.eventSourcing.decide(
      draftStream(conversationId, userId),
      draftDecider,
      draft ? { type: 'SaveDraft', ...ids, ...draft } : { type: 'DiscardDraft', ...ids, because: 'discarded' },
      context,
    );
    await this.eventSourcing.waitForReadModels(outcome.position);
    return this.conversations.draft(accountId, conversationId, userId);
  }
}
