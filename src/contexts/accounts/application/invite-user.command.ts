import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext } from '../../../shared/application/command-context';
import { EventSourcing } from '../../../shared/application/event-sourcing.service';
import { CLOCK, type Clock } from '../../../shared/clock/clock';
import { EmailAlreadyRegistered } from '../domain/accounts.errors';
import { checkAssignableRole, checkEmail } from '../domain/accounts.rules';
import { invitationDecider, invitationIdOf, invitationStream } from '../domain/invitation.decider';
import { AccountsQueries } from '../read-models/accounts.queries';
import { InvitationMailer } from './invitation-mailer';
import { newLinkToken } from './link-token';

export class InviteUser extends Command<{ invitationId: string }> {
  constructor(
    readonly input: { email: string; role: string },
    readonly context: CommandContext & { accountId: string; actor: { userId: string } },
  ) {
    super();
  }
}

/**
 * An admin invites an address with a role. The link's token exists only in the mail; the log keeps
 * its hash. The invitation is recorded before the mail is queued: were the process to stop between
 * the two, the admin sees the invitation pending and resends it, while a mail with a link that was
 * never recorded would be a dead link.
 */
@CommandHandler(InviteUser)
export class InviteUserHandler implements ICommandHandler<InviteUser> {
  constructor(
    private readonly eventSourcing: EventSourcing,
    private readonly accounts: AccountsQueries,
    private readonly mailer: InvitationMailer,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ input, context }: InviteUser): Promise<{ invitationId: string }> {
    const email = checkEmail('email', input.email);
    const role = checkAssignableRole(input.role);
    // A user of any account has the address: the acceptance would lose the email claim anyway.
    if (this.accounts.credentialsByEmail(email)) throw new EmailAlreadyRegistered();
    const { accountId } = context;
    const invitationId = invitationIdOf(accountId, email);
    const { token, tokenHash } = newLinkToken();
    const outcome = await this.eventSourcing.decide(
      invitationStream(invitationId),
      invitationDecider,
      { type: 'Invite', invitationId, accountId, email, role, by: context.actor.userId, tokenHash },
      context,
      { now: this.clock.now() },
    );
    const [sent] = outcome.events;
    if (sent?.type === 'InvitationSent') {
      const { send, expiresAt } = sent.data;
      await this.mailer.send({ invitationId, accountId, email, send, token, expiresAt: new Date(expiresAt), inviterId: context.actor.userId }, context);
    }
    await this.eventSourcing.waitForReadModels(outcome.position);
    return { invitationId };
  }
}
