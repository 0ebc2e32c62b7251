import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EventSourcing } from '../../../shared/application/event-sourcing.service';
import { CLOCK, type Clock } from '../../../shared/clock/clock';
import type { SignedInUser } from '../../../shared/http/signed-in-user';
import { ResetLinkUnknown } from '../domain/accounts.errors';
import { checkNewPassword } from '../domain/password-policy';
import { checkResetLink, userDecider, userStream } from '../domain/user.decider';
import { AccountsQueries } from '../read-models/accounts.queries';
import { isCommonPassword } from './common-passwords';
import { PasswordHasher } from './password-hasher';
import { linkTokenHash } from './link-token';
import { startSession, type StartedSession } from './start-session';

export class ConfirmPasswordReset extends Command<{ user: Omit<SignedInUser, 'sessionId'>; session: StartedSession }> {
  constructor(
    readonly token: string,
    readonly password: string,
    readonly requestId: string,
  ) {
    super();
  }
}

/**
 * A reset link's token and a new password: the password is set, every session of the user ends (the
 * projection of UserPasswordChanged), and a new one starts for whoever holds the link.
 */
@CommandHandler(ConfirmPasswordReset)
export class ConfirmPasswordResetHandler implements ICommandHandler<ConfirmPasswordReset> {
  constructor(
    private readonly eventSourcing: EventSourcing,
    private readonly queries: AccountsQueries,
    private readonly passwords: PasswordHasher,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ token, password, requestId }: ConfirmPasswordReset) {
    const tokenHash = linkTokenHash(token);
    const link = this.queries.passwordResetLink(tokenHash);
    const user = link ? this.queries.user(link.accountId, link.userId) : null;
    if (!link || !user) throw new ResetLinkUnknown();
    const stream = userStream(user.userId);
    // The link is judged before the password: a dead link says so whatever was typed.
    const state = await this.eventSourcing.load(stream, userDecider);
    const now = this.clock.now().toISOString();
    checkResetLink(state, tokenHash, now);
    const accountName = this.queries.account(user.accountId)?.name ?? '';
    checkNewPassword('password', password, { personal: [user.email, user.name, accountName], isCommon: isCommonPassword });
    const passwordHash = await this.passwords.hash(password);
    const context = { actor: { userId: user.userId, role: user.role }, accountId: user.accountId, correlationId: requestId, causationId: null };
    // Decided again on the stream: of two uses of one link at once, one sets the password and the other is told it was used.
    await this.eventSourcing.decide(stream, userDecider, { type: 'ResetPassword', userId: user.userId, tokenHash, passwordHash, now }, context);
    const session = await startSession(this.eventSourcing, user, context);
    await this.eventSourcing.waitForReadModels(session.position);
    const { userId, accountId, name, email, role } = user;
    return { user: { userId, accountId, name, email, role }, session };
  }
}
