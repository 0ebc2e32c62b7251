import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EventSourcing } from '../../../shared/application/event-sourcing.service';
import { decideSavedReply, type SavedReplyContext } from './decide-saved-reply';

/** An admin renames a saved reply or changes its text. */
export class ChangeSavedReply extends Command<void> {
  constructor(
    readonly savedReplyId: string,
    readonly changes: { name?: string; body?: string },
    readonly context: SavedReplyContext,
  ) {
    super();
  }
}

@CommandHandler(ChangeSavedReply)
export class ChangeSavedReplyHandler implements ICommandHandler<ChangeSavedReply> {
  constructor(private readonly eventSourcing: EventSourcing) {}

  async execute({ savedReplyId, changes, context }: ChangeSavedReply): Promise<void> {
    await decideSavedReply(this.eventSourcing, { type: 'ChangeSavedReply', accountId: context.accountId, savedReplyId, by: context.userId, ...changes }, context);
  }
}
