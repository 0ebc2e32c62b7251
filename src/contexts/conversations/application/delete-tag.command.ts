import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext } from '../../../shared/application/command-context';
import { EventSourcing } from '../../../shared/application/event-sourcing.service';
import { tagCatalogueDecider, tagCatalogueStream } from '../domain/tag-catalogue.decider';

/** An admin deletes a tag: recorded once in the catalogue, it leaves every conversation. */
export class DeleteTag extends Command<void> {
  constructor(
    readonly tagId: string,
    readonly context: CommandContext & { accountId: string },
  ) {
    super();
  }
}

@CommandHandler(DeleteTag)
export class DeleteTagHandler implements ICommandHandler<DeleteTag> {
  constructor(private readonly eventSourcing: EventSourcing) {}

  async execute({ tagId, context }: DeleteTag): Promise<void> {
    const { accountId } = context;
    const outcome = await this.eventSourcing.decide(tagCatalogueStream(accountId), tagCatalogueDecider, { type: 'DeleteTag', accountId, tagId }, context);
    await this.eventSourcing.waitForReadModels(outcome.position);
  }
}
