import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext } from '../../../shared/application/command-context';
import { EventSourcing } from '../../../shared/application/event-sourcing.service';
import { InvalidInput } from '../../../shared/domain/domain-error';
import { WrongCurrentPassword } from '../domain/accounts.errors';
import { checkNewPassword } from '../domain/password-policy';
import { userDecider, userStream } from '../domain/user.decider';
import { AccountsQueries } from '../read-models/accounts.queries';
import { isCommonPassword } from './common-passwords';
import { LoginRateLimiter } from './login-rate-limiter';
import { PasswordHasher } from './password-hasher';

export interface PasswordChange {
  password?: string;
  currentPassword?: string;
}

export class ChangePassword extends Command<void> {
  constructor(
    readonly change: PasswordChange,
    readonly ip: string,
    /** The session the change comes from: the one that stays. */
    readonly sessionId: string,
    readonly context: CommandContext & { accountId: string; actor: { userId: string } },
  ) {
    super();
  }
}

/**
 * A signed-in user sets a new password, proving the current one: a stolen session alone cannot take
 * the account over. Wrong guesses count against the same limits as sign-in. Every other session of
 * the user ends; the one this came from stays.
 */
@CommandHandler(ChangePassword)
export class ChangePasswordHandler implements ICommandHandler<ChangePassword> {
  constructor(
    private readonly eventSourcing: EventSourcing,
    private readonly queries: AccountsQueries,
    private readonly limiter: LoginRateLimiter,
    private readonly passwords: PasswordHasher,
  ) {}

  async execute({ change, ip, sessionId, context }: ChangePassword): Promise<void> {
    const { password, currentPassword } = change;
    if (password === undefined) throw new InvalidInput('password', 'password is required with currentPassword');
    if (currentPassword === undefined) throw new InvalidInput('currentPassword', 'currentPassword is required to set a new password');
    const { userId } = context.actor;
    const user = this.queries.user(context.accountId, userId);
    const credentials = user ? this.queries.credentialsByEmail(user.email) : null;
    if (!user || !credentials) throw new InvalidInput('id', 'There is no such user');
    this.limiter.check(user.email, ip);
    if (!(await this.passwords.verify(currentPassword, credentials.passwordHash))) {
      this.limiter.recordFailure(user.email, ip);
      throw new WrongCurrentPassword();
    }
    const accountName = this.queries.account(context.accountId)?.name ?? '';
    checkNewPassword('password', password, { personal: [user.email, user.name, accountName], isCommon: isCommonPassword });
    const passwordHash = await this.passwords.hash(password);
    const outcome = await this.eventSourcing.decide(userStream(userId), userDecider, { type: 'ChangePassword', userId, passwordHash, keptSessionId: sessionId }, context);
    await this.eventSourcing.waitForReadModels(outcome.position);
  }
}
