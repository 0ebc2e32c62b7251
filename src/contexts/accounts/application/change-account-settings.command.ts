import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext } from '../../../shared/application/command-context';
import { EventSourcing } from '../../../shared/application/event-sourcing.service';
import { accountDecider, accountStream } from '../domain/account.decider';

export class ChangeAccountSettings extends Command<void> {
  constructor(
    readonly changes: { name?: string; timeZone?: string; locale?: string; undoSendSeconds?: number },
    readonly context: CommandContext & { accountId: string },
  ) {
    super();
  }
}

@CommandHandler(ChangeAccountSettings)
export class ChangeAccountSettingsHandler implements ICommandHandler<ChangeAccountSettings> {
  constructor(private readonly eventSourcing: EventSourcing) {}

  async execute({ changes, context }: ChangeAccountSettings): Promise<void> {
    const outcome = await this.eventSourcing.decide(
      accountStream(context.accountId),
      accountDecider,
      { type: 'ChangeAccountSettings', accountId: context.accountId, ...changes },
      context,
    );
    await this.eventSourcing.waitForReadModels(outcome.position);
  }
}
