import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext } from '../../../shared/application/command-context';
import { EventSourcing } from '../../../shared/application/event-sourcing.service';
import { CLOCK, type Clock } from '../../../shared/clock/clock';
import { NotFound } from '../../../shared/domain/domain-error';
import { invitationDecider, invitationStream } from '../domain/invitation.decider';
import { InvitationsQueries } from '../read-models/invitations.queries';
import { InvitationMailer } from './invitation-mailer';
import { newLinkToken } from './link-token';

export type AdminContext = CommandContext & { accountId: string; actor: { userId: string } };

/** A new link for a pending (or expired) invitation, with a new expiry; the previous link dies. */
export class ResendInvitation extends Command<void> {
  constructor(
    readonly invitationId: string,
    readonly context: AdminContext,
  ) {
    super();
  }
}

@CommandHandler(ResendInvitation)
export class ResendInvitationHandler implements ICommandHandler<ResendInvitation> {
  constructor(
    private readonly eventSourcing: EventSourcing,
    private readonly invitations: InvitationsQueries,
    private readonly mailer: InvitationMailer,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ invitationId, context }: ResendInvitation): Promise<void> {
    // Another account's invitation is answered like one that does not exist.
    if (!this.invitations.belongsTo(context.accountId, invitationId)) throw new NotFound('Invitation');
    const { token, tokenHash } = newLinkToken();
    const outcome = await this.eventSourcing.decide(
      invitationStream(invitationId),
      invitationDecider,
      { type: 'Resend', invitationId, by: context.actor.userId, tokenHash },
      context,
      { now: this.clock.now() },
    );
    const state = await this.eventSourcing.load(invitationStream(invitationId), invitationDecider);
    const [resent] = outcome.events;
    if (resent?.type === 'InvitationResent') {
      const { send, expiresAt } = resent.data;
      await this.mailer.send(
        { invitationId, accountId: context.accountId, email: state.email, send, token, expiresAt: new Date(expiresAt), inviterId: context.actor.userId },
        context,
      );
    }
    await this.eventSourcing.waitForReadModels(outcome.position);
  }
}
