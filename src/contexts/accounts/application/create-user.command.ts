import { randomUUID } from 'node:crypto';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext } from '../../../shared/application/command-context';
import { EventSourcing } from '../../../shared/application/event-sourcing.service';
import { checkAssignableRole, checkEmail, checkName } from '../domain/accounts.rules';
import { checkNewPassword } from '../domain/password-policy';
import { AccountsQueries } from '../read-models/accounts.queries';
import { isCommonPassword } from './common-passwords';
import { userDecider, userStream } from '../domain/user.decider';
import { userEmailClaimDecider, userEmailStream } from '../domain/user-email-claim.decider';
import { PasswordHasher } from './password-hasher';

export interface CreateUserInput {
  name: string;
  email: string;
  password: string;
  role: string;
}

export class CreateUser extends Command<{ userId: string }> {
  constructor(
    readonly input: CreateUserInput,
    readonly context: CommandContext & { accountId: string },
  ) {
    super();
  }
}

/** An admin adds a user to their account; the email is claimed across the product first. */
@CommandHandler(CreateUser)
export class CreateUserHandler implements ICommandHandler<CreateUser> {
  constructor(
    private readonly eventSourcing: EventSourcing,
    private readonly accounts: AccountsQueries,
    private readonly passwords: PasswordHasher,
  ) {}

  async execute({ input, context }: CreateUser): Promise<{ userId: string }> {
    const userId = randomUUID();
    const name = checkName('name', input.name);
    const email = checkEmail('email', input.email);
    const accountName = this.accounts.account(context.accountId)?.name ?? '';
    checkNewPassword('password', input.password, { personal: [email, name, accountName], isCommon: isCommonPassword });
    const role = checkAssignableRole(input.role);
    const passwordHash = await this.passwords.hash(input.password);

    await this.eventSourcing.decide(userEmailStream(email), userEmailClaimDecider, { email, userId, accountId: context.accountId }, context);
    const outcome = await this.eventSourcing.decide(
      userStream(userId),
      userDecider,
      { type: 'RegisterUser', userId, accountId: context.accountId, name, email, role, passwordHash },
      context,
    );
    await this.eventSourcing.waitForReadModels(outcome.position);
    return { userId };
  }
}
