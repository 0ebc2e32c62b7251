import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext } from '../../../shared/application/command-context';
import { EventSourcing } from '../../../shared/application/event-sourcing.service';
import { chatChannelDecider, chatChannelStream } from '../domain/chat-channel.decider';

export class SwitchChatChannel extends Command<void> {
  constructor(
    readonly enabled: boolean,
    readonly context: CommandContext & { accountId: string },
  ) {
    super();
  }
}

@CommandHandler(SwitchChatChannel)
export class SwitchChatChannelHandler implements ICommandHandler<SwitchChatChannel> {
  constructor(private readonly eventSourcing: EventSourcing) {}

  async execute({ enabled, context }: SwitchChatChannel): Promise<void> {
    const outcome = await this.eventSourcing.decide(
      chatChannelStream(context.accountId),
      chatChannelDecider,
      { type: 'SwitchChatChannel', accountId: context.accountId, enabled },
      context,
    );
    await this.eventSourcing.waitForReadModels(outcome.position);
  }
}
