import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EventSourcing } from '../../../shared/application/event-sourcing.service';
import { decideSavedReply, type SavedReplyContext } from './decide-saved-reply';

/** An admin deletes a saved reply; replies already sent with it keep their text. */
export class DeleteSavedReply extends Command<void> {
  constructor(
    readonly savedReplyId: string,
    readonly context: SavedReplyContext,
  ) {
    super();
  }
}

@CommandHandler(DeleteSavedReply)
export class DeleteSavedReplyHandler implements ICommandHandler<DeleteSavedReply> {
  constructor(private readonly eventSourcing: EventSourcing) {}

  async execute({ savedReplyId, context }: DeleteSavedReply): Promise<void> {
    await decideSavedReply(this.eventSourcing, { type: 'DeleteSavedReply', accountId: context.accountId, savedReplyId, by: context.userId }, context);
  }
}
