import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext } from '../../../shared/application/command-context';
import { EventSourcing } from '../../../shared/application/event-sourcing.service';
import { inboundMailDecider } from '../domain/inbound-mail.decider';
import { inboundMailStream } from '../domain/inbound-mail.events';

/** Sent by threading when an accepted mail has nowhere to go: it moves to the failed-mail queue. */
export class MarkInboundMailUnrouted extends Command<void> {
  constructor(
    readonly inboundId: string,
    readonly accountId: string,
    readonly reason: string,
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(MarkInboundMailUnrouted)
export class MarkInboundMailUnroutedHandler implements ICommandHandler<MarkInboundMailUnrouted> {
  constructor(private readonly eventSourcing: EventSourcing) {}

  async execute({ inboundId, accountId, reason, context }: MarkInboundMailUnrouted): Promise<void> {
    await this.eventSourcing.decide(inboundMailStream(inboundId), inboundMailDecider, { type: 'MarkUnrouted', inboundId, accountId, reason }, context);
  }
}
