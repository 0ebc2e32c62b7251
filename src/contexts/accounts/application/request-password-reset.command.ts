import { Inject, Logger } from '@nestjs/common';
import { Command, CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EventSourcing } from '../../../shared/application/event-sourcing.service';
import { CLOCK, type Clock } from '../../../shared/clock/clock';
import { APP_CONFIG, type AppConfig } from '../../../shared/config/app-config';
import { QueueUserMail } from '../../conversations/contract';
import { normalizeEmail } from '../domain/accounts.rules';
import { PASSWORD_RESET_LINK_LIFETIME_MS, passwordResetMail } from '../domain/password-reset-mail';
import { userDecider, userStream } from '../domain/user.decider';
import { AccountsQueries } from '../read-models/accounts.queries';
import { PasswordResetRateLimiter } from './password-reset-rate-limiter';
import { newLinkToken } from './link-token';

export class RequestPasswordReset extends Command<void> {
  constructor(
    readonly email: string,
    readonly ip: string,
    readonly requestId: string,
  ) {
    super();
  }
}

/**
 * Someone asks for a reset link for an address. The answer is the same whether or not a user has the
 * address, and it goes out before the lookup: the link and its mail are made afterwards, so how long
 * the answer takes does not tell either. A link lost to a crash in between is asked for again.
 */
@CommandHandler(RequestPasswordReset)
export class RequestPasswordResetHandler implements ICommandHandler<RequestPasswordReset> {
  private readonly logger = new Logger('PasswordReset');

  constructor(
    private readonly eventSourcing: EventSourcing,
    private readonly commands: CommandBus,
    private readonly queries: AccountsQueries,
    private readonly limiter: PasswordResetRateLimiter,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async execute({ email, ip, requestId }: RequestPasswordReset): Promise<void> {
    const address = normalizeEmail(email);
    if (!this.limiter.take(address, ip)) return;
    setImmediate(() => {
      this.issue(address, requestId).catch((error: unknown) => this.logger.error(`a password reset link was not issued: ${String(error)}`));
    });
  }

  private async issue(address: string, requestId: string): Promise<void> {
    const user = this.queries.credentialsByEmail(address);
    if (!user || !user.active) return;
    const { token, tokenHash } = newLinkToken();
    const expiresAt = new Date(this.clock.now().getTime() + PASSWORD_RESET_LINK_LIFETIME_MS).toISOString();
    const context = { actor: { system: 'password-reset' }, accountId: user.accountId, correlationId: requestId, causationId: null };
    const outcome = await this.eventSourcing.decide(userStream(user.userId), userDecider, { type: 'RequestPasswordReset', userId: user.userId, tokenHash, expiresAt }, context);
    if (outcome.events.length === 0) return;
    const link = `${this.config.publicUrl}/reset-password/${token}`;
    const { subject, text } = passwordResetMail(this.queries.language(user.accountId, user.userId), user.name, link);
    // Keyed by the link: the token lives only in this mail, so it is queued once, right here.
    await this.commands.execute(new QueueUserMail({ key: `password-reset-${tokenHash}`, accountId: user.accountId, to: { name: user.name, address: user.email }, subject, text, confidential: true }, context));
  }
}
