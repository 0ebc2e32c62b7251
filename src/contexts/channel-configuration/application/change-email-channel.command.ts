import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext } from '../../../shared/application/command-context';
import { EventSourcing } from '../../../shared/application/event-sourcing.service';
import { emailChannelDecider, emailChannelStream } from '../domain/email-channel.decider';

export class ChangeEmailChannel extends Command<void> {
  constructor(
    readonly changes: { enabled?: boolean; defaultSubject?: string; fromName?: string; plainTextOnly?: boolean; signature?: string; replySubject?: 'thread' | 'default'; quoteHistory?: boolean },
    readonly context: CommandContext & { accountId: string },
  ) {
    super();
  }
}

@CommandHandler(ChangeEmailChannel)
export class ChangeEmailChannelHandler implements ICommandHandler<ChangeEmailChannel> {
  constructor(private readonly eventSourcing: EventSourcing) {}

  async execute({ changes, context }: ChangeEmailChannel): Promise<void> {
    const outcome = await this.eventSourcing.decide(
      emailChannelStream(context.accountId),
      emailChannelDecider,
      { type: 'ChangeEmailChannel', accountId: context.accountId, ...changes },
      context,
    );
    await this.eventSourcing.waitForReadModels(outcome.position);
  }
}
