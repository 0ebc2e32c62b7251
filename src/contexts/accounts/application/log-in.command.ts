import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EventSourcing } from '../../../shared/application/event-sourcing.service';
import type { SignedInUser } from '../../../shared/http/signed-in-user';
import { InvalidCredentials, UserDeactivated } from '../domain/accounts.errors';
import { normalizeEmail } from '../domain/accounts.rules';
import { AccountsQueries } from '../read-models/accounts.queries';
import { LoginRateLimiter } from './login-rate-limiter';
import { PasswordHasher } from './password-hasher';
import { userDecider, userStream } from '../domain/user.decider';
import { startSession, type StartedSession } from './start-session';

export class LogIn extends Command<{ user: Omit<SignedInUser, 'sessionId'>; session: StartedSession }> {
  constructor(
    readonly email: string,
    readonly password: string,
    readonly ip: string,
    readonly requestId: string,
  ) {
    super();
  }
}

@CommandHandler(LogIn)
export class LogInHandler implements ICommandHandler<LogIn> {
  constructor(
    private readonly eventSourcing: EventSourcing,
    private readonly queries: AccountsQueries,
    private readonly limiter: LoginRateLimiter,
    private readonly passwords: PasswordHasher,
  ) {}

  async execute({ email, password, ip, requestId }: LogIn) {
    const address = normalizeEmail(email);
    // Checked before the lookup, by the address typed: known and unknown addresses are answered alike.
    this.limiter.check(address, ip);
    const user = this.queries.credentialsByEmail(address);
    // Hashed whether or not the address is known (verify spends the same work on a missing
    // hash): a quick refusal would tell which addresses have accounts.
    const matches = await this.passwords.verify(password, user?.passwordHash ?? null);
    if (!user || !matches) {
      this.limiter.recordFailure(address, ip);
      throw new InvalidCredentials();
    }
    if (!user.active) throw new UserDeactivated();
    this.limiter.recordSuccess(address, ip);
    const context = { actor: { userId: user.userId, role: user.role }, accountId: user.accountId, correlationId: requestId, causationId: null };
    // Only now is the password at hand to hash again: stored hashes reach today's cost as their users sign in.
    const upgraded = this.passwords.needsRehash(user.passwordHash)
      ? await this.eventSourcing.decide(userStream(user.userId), userDecider, { type: 'UpgradePasswordHash', userId: user.userId, passwordHash: await this.passwords.hash(password) }, context)
      : null;
    const session = await startSession(this.eventSourcing, user, context);
    await this.eventSourcing.waitForReadModels(session.position, upgraded?.position ?? null);
    const { userId, accountId, name, email: userEmail, role } = user;
    return { user: { userId, accountId, name, email: userEmail, role }, session };
  }
}
