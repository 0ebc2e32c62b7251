import { randomUUID } from 'node:crypto';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EventSourcing } from '../../../shared/application/event-sourcing.service';
import { decideSavedReply, type SavedReplyContext } from './decide-saved-reply';

/** An admin saves a reply for everyone in the account; answers its id once the read models list it. */
export class CreateSavedReply extends Command<{ savedReplyId: string }> {
  constructor(
    readonly name: string,
    readonly body: string,
    readonly context: SavedReplyContext,
  ) {
    super();
  }
}

@CommandHandler(CreateSavedReply)
export class CreateSavedReplyHandler implements ICommandHandler<CreateSavedReply> {
  constructor(private readonly eventSourcing: EventSourcing) {}

  async execute({ name, body, context }: CreateSavedReply): Promise<{ savedReplyId: string }> {
    const savedReplyId = randomUUID();
    await decideSavedReply(this.eventSourcing, { type: 'CreateSavedReply', accountId: context.accountId, savedReplyId, by: context.userId, name, body }, context);
    return { savedReplyId };
  }
}
