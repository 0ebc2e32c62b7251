import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext } from '../../../shared/application/command-context';
import { EventSourcing } from '../../../shared/application/event-sourcing.service';
import { userDecider, userStream } from '../domain/user.decider';

/** What signed-in users change of themselves. */
export interface ProfileChanges {
  name?: string;
  language?: string;
  signature?: string;
}

export class ChangeProfile extends Command<void> {
  constructor(
    readonly changes: ProfileChanges,
    readonly context: CommandContext & { accountId: string; actor: { userId: string } },
  ) {
    super();
  }
}

@CommandHandler(ChangeProfile)
export class ChangeProfileHandler implements ICommandHandler<ChangeProfile> {
  constructor(private readonly eventSourcing: EventSourcing) {}

  async execute({ changes, context }: ChangeProfile): Promise<void> {
    // Always the caller's own stream: there is no user id in the request to point elsewhere.
    const { userId } = context.actor;
    const outcome = await this.eventSourcing.decide(userStream(userId), userDecider, { type: 'ChangeProfile', userId, ...changes }, context);
    await this.eventSourcing.waitForReadModels(outcome.position);
  }
}
