import { Inject, Injectable } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext } from '../../../shared/application/command-context';
import { EventSourcing } from '../../../shared/application/event-sourcing.service';
import { CLOCK, type Clock } from '../../../shared/clock/clock';
import type { Role } from '../../../shared/domain/event-envelope';
import { InvitationLinkInvalid } from '../domain/accounts.errors';
import { checkName } from '../domain/accounts.rules';
import { invitationDecider, invitationStream, invitedUserIdOf, type InvitationState } from '../domain/invitation.decider';
import { checkNewPassword } from '../domain/password-policy';
import { userDecider, userStream } from '../domain/user.decider';
import { userEmailClaimDecider, userEmailStream } from '../domain/user-email-claim.decider';
import { AccountsQueries } from '../read-models/accounts.queries';
import { InvitationsQueries } from '../read-models/invitations.queries';
import { isCommonPassword } from './common-passwords';
import { linkTokenHash } from './link-token';
import { PasswordHasher } from './password-hasher';
import { startSession, type StartedSession } from './start-session';

/** Links are 43 characters; anything much longer is not one, and is not hashed. */
const TOKEN_MAX_LENGTH = 128;

export interface OpenInvitation {
  invitationId: string;
  tokenHash: string;
  state: InvitationState & { role: Role };
  accountName: string;
}

/** What an invitation link stands for, or the refusal (invalid, used, expired) that the page shows. */
@Injectable()
export class InvitationLinks {
  constructor(
    private readonly eventSourcing: EventSourcing,
    private readonly invitations: InvitationsQueries,
    private readonly accounts: AccountsQueries,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async open(token: string): Promise<OpenInvitation> {
    if (token.length === 0 || token.length > TOKEN_MAX_LENGTH) throw new InvitationLinkInvalid();
    const tokenHash = linkTokenHash(token);
    const invitationId = this.invitations.invitationOfLink(tokenHash);
    if (!invitationId) throw new InvitationLinkInvalid();
    const state = await this.eventSourcing.load(invitationStream(invitationId), invitationDecider);
    // The decision itself, without appending: the same refusals the acceptance would give.
    invitationDecider.decide({ type: 'Accept', invitationId, tokenHash, userId: '-' }, state, { now: this.clock.now() });
    return { invitationId, tokenHash, state: state as OpenInvitation['state'], accountName: this.accounts.account(state.accountId)?.name ?? '' };
  }

  now(): Date {
    return this.clock.now();
  }
}

export class AcceptInvitation extends Command<{ userId: string; accountId: string; session: StartedSession }> {
  constructor(
    readonly input: { token: string; name: string; password: string },
    readonly requestId: string,
  ) {
    super();
  }
}

/**
 * The invitee sets name and password: the email is claimed, the user registered with the invited
 * role, the link used up, and a session started. The user id comes from the invitation's link, so
 * a repeated or concurrent acceptance of one link claims and registers one user, and the
 * invitation (appended last, with its expected revision) lets exactly one of them through.
 */
@CommandHandler(AcceptInvitation)
export class AcceptInvitationHandler implements ICommandHandler<AcceptInvitation> {
  constructor(
    private readonly eventSourcing: EventSourcing,
    private readonly links: InvitationLinks,
    private readonly passwords: PasswordHasher,
  ) {}

  async execute({ input, requestId }: AcceptInvitation) {
    const { invitationId, tokenHash, state, accountName } = await this.links.open(input.token);
    const { accountId, email, role } = state;
    const name = checkName('name', input.name);
    checkNewPassword('password', input.password, { personal: [email, name, accountName], isCommon: isCommonPassword });
    const userId = invitedUserIdOf(invitationId, state.sends);
    const passwordHash = await this.passwords.hash(input.password);
    const context: CommandContext = { actor: { userId, role }, accountId, correlationId: requestId, causationId: null };

    await this.eventSourcing.decide(userEmailStream(email), userEmailClaimDecider, { email, userId, accountId }, context);
    const registered = await this.eventSourcing.decide(
      userStream(userId),
      userDecider,
      { type: 'RegisterUser', userId, accountId, name, email, role, passwordHash },
      context,
    );
    // An earlier attempt with this link registered the user and stopped before using the link up: this password counts.
    const repassworded =
      registered.events.length === 0
        ? await this.eventSourcing.decide(userStream(userId), userDecider, { type: 'UpgradePasswordHash', userId, passwordHash }, context)
        : null;
    const accepted = await this.eventSourcing.decide(
      invitationStream(invitationId),
      invitationDecider,
      { type: 'Accept', invitationId, tokenHash, userId },
      context,
      { now: this.links.now() },
    );
    const session = await startSession(this.eventSourcing, { userId, accountId, role }, context);
    await this.eventSourcing.waitForReadModels(registered.position, repassworded?.position ?? null, accepted.position, session.position);
    return { userId, accountId, session };
  }
}
