import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext } from '../../../shared/application/command-context';
import { EventSourcing } from '../../../shared/application/event-sourcing.service';
import { sessionDecider, sessionStream } from '../domain/session.decider';

export class LogOut extends Command<void> {
  constructor(
    readonly sessionId: string,
    readonly context: CommandContext,
  ) {
    super();
  }
}

/** Ends the session for good: the token stops working on every node once they have seen the event. */
@CommandHandler(LogOut)
export class LogOutHandler implements ICommandHandler<LogOut> {
  constructor(private readonly eventSourcing: EventSourcing) {}

  async execute({ sessionId, context }: LogOut): Promise<void> {
    const outcome = await this.eventSourcing.decide(sessionStream(sessionId), sessionDecider, { type: 'EndSession', sessionId }, context);
    await this.eventSourcing.waitForReadModels(outcome.position);
  }
}
