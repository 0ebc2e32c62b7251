import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext } from '../../../shared/application/command-context';
import { EventSourcing } from '../../../shared/application/event-sourcing.service';
import { tagCatalogueDecider, tagCatalogueStream } from '../domain/tag-catalogue.decider';
import { tagName } from '../domain/tag-name';

/** An admin renames a tag: one event, and every conversation carrying it shows the new name. */
export class RenameTag extends Command<void> {
  constructor(
    readonly tagId: string,
    readonly name: unknown,
    readonly context: CommandContext & { accountId: string },
  ) {
    super();
  }
}

@CommandHandler(RenameTag)
export class RenameTagHandler implements ICommandHandler<RenameTag> {
  constructor(private readonly eventSourcing: EventSourcing) {}

  async execute({ tagId, name, context }: RenameTag): Promise<void> {
    const { accountId } = context;
    const outcome = await this.eventSourcing.decide(tagCatalogueStream(accountId), tagCatalogueDecider, { type: 'RenameTag', accountId, tagId, name: tagName(name, 'name') }, context);
    await this.eventSourcing.waitForReadModels(outcome.position);
  }
}
