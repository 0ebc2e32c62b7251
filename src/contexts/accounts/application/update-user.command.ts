import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext } from '../../../shared/application/command-context';
import { EventSourcing } from '../../../shared/application/event-sourcing.service';
import { NotFound } from '../../../shared/domain/domain-error';
import { userDecider, userStream } from '../domain/user.decider';
import { AccountsQueries } from '../read-models/accounts.queries';

export class UpdateUser extends Command<void> {
  constructor(
    readonly userId: string,
    readonly changes: { name?: string; role?: string; active?: boolean },
    readonly context: CommandContext & { accountId: string; actor: { userId: string } },
  ) {
    super();
  }
}

@CommandHandler(UpdateUser)
export class UpdateUserHandler implements ICommandHandler<UpdateUser> {
  constructor(
    private readonly eventSourcing: EventSourcing,
    private readonly queries: AccountsQueries,
  ) {}

  async execute({ userId, changes, context }: UpdateUser): Promise<void> {
    // A user of another account is answered exactly like one that does not exist.
    if (!this.queries.user(context.accountId, userId)) throw new NotFound('User');
    const outcome = await this.eventSourcing.decide(
      userStream(userId),
      userDecider,
      { type: 'UpdateUser', userId, byUserId: context.actor.userId, ...changes },
      context,
    );
    await this.eventSourcing.waitForReadModels(outcome.position);
  }
}
