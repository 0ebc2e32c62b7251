import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EventSourcing } from '../../../shared/application/event-sourcing.service';
import { CLOCK, type Clock } from '../../../shared/clock/clock';
import { NotFound } from '../../../shared/domain/domain-error';
import { invitationDecider, invitationStream } from '../domain/invitation.decider';
import { InvitationsQueries } from '../read-models/invitations.queries';
import type { AdminContext } from './resend-invitation.command';

/** Takes a pending invitation back: its link stops working. */
export class RevokeInvitation extends Command<void> {
  constructor(
    readonly invitationId: string,
    readonly context: AdminContext,
  ) {
    super();
  }
}

@CommandHandler(RevokeInvitation)
export class RevokeInvitationHandler implements ICommandHandler<RevokeInvitation> {
  constructor(
    private readonly eventSourcing: EventSourcing,
    private readonly invitations: InvitationsQueries,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ invitationId, context }: RevokeInvitation): Promise<void> {
    if (!this.invitations.belongsTo(context.accountId, invitationId)) throw new NotFound('Invitation');
    const outcome = await this.eventSourcing.decide(
      invitationStream(invitationId),
      invitationDecider,
      { type: 'Revoke', invitationId, by: context.actor.userId },
      context,
      { now: this.clock.now() },
    );
    await this.eventSourcing.waitForReadModels(outcome.position);
  }
}
