import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EventSourcing } from '../../../shared/application/event-sourcing.service';
import type { SignedInUser } from '../../../shared/http/signed-in-user';
import { InvalidCredentials, UserDeactivated } from '../domain/accounts.errors';
import { normalizeEmail } from '../domain/accounts.rules';
import { AccountsQueries } from '../read-models/accounts.queries';
import { LoginRateLimiter } from './login-rate-limiter';
import { verifyPassword } from './password-hasher';
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
  ) {}

  async execute({ email, password, ip, requestId }: LogIn) {
    const address = normalizeEmail(email);
    // Checked before the lookup, by the address typed: known and unknown addresses are answered alike.
    this.limiter.check(address, ip);
    const user = this.queries.credentialsByEmail(address);
    if (!user || !(await verifyPassword(password, user.passwordHash))) {
      this.limiter.recordFailure(address, ip);
      throw new InvalidCredentials();
    }
    if (!user.active) throw new UserDeactivated();
    this.limiter.recordSuccess(address, ip);
    const session = await startSession(this.eventSourcing, user, {
      actor: { userId: user.userId, role: user.role },
      accountId: user.accountId,
      correlationId: requestId,
      causationId: null,
    });
    await this.eventSourcing.waitForReadModels(session.position);
    const { userId, accountId, name, email: userEmail, role } = user;
    return { user: { userId, accountId, name, email: userEmail, role }, session };
  }
}
