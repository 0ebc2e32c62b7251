import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext } from '../../../shared/application/command-context';
import { EventSourcing } from '../../../shared/application/event-sourcing.service';
import { formDecider, formStream, type FormDefinition } from '../domain/form.decider';

/** An admin renames a form or changes its fields; submissions already made keep what they were. */
export class ChangeForm extends Command<void> {
  constructor(
    readonly formId: string,
    readonly changes: Partial<FormDefinition>,
    readonly context: CommandContext & { accountId: string },
  ) {
    super();
  }
}

@CommandHandler(ChangeForm)
export class ChangeFormHandler implements ICommandHandler<ChangeForm> {
  constructor(private readonly eventSourcing: EventSourcing) {}

  async execute({ formId, changes, context }: ChangeForm): Promise<void> {
    const outcome = await this.eventSourcing.decide(formStream(formId), formDecider, { type: 'ChangeForm', formId, accountId: context.accountId, changes }, context);
    await this.eventSourcing.waitForReadModels(outcome.position);
  }
}
