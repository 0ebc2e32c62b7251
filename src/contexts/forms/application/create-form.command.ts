import { randomUUID } from 'node:crypto';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext } from '../../../shared/application/command-context';
import { EventSourcing } from '../../../shared/application/event-sourcing.service';
import { formDecider, formStream, type FormDefinition } from '../domain/form.decider';

/** An admin creates a form; answers its id once the read models list it. */
export class CreateForm extends Command<{ formId: string }> {
  constructor(
    readonly definition: FormDefinition,
    readonly context: CommandContext & { accountId: string },
  ) {
    super();
  }
}

@CommandHandler(CreateForm)
export class CreateFormHandler implements ICommandHandler<CreateForm> {
  constructor(private readonly eventSourcing: EventSourcing) {}

  async execute({ definition, context }: CreateForm): Promise<{ formId: string }> {
    const formId = randomUUID();
    const outcome = await this.eventSourcing.decide(formStream(formId), formDecider, { type: 'CreateForm', formId, accountId: context.accountId, definition }, context);
    await this.eventSourcing.waitForReadModels(outcome.position);
    return { formId };
  }
}
