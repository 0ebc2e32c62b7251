import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Inject } from '@nestjs/common';
import type { CommandContext } from '../../../shared/application/command-context';
import { EventSourcing } from '../../../shared/application/event-sourcing.service';
import { CLOCK, type Clock } from '../../../shared/clock/clock';
import { NotFound } from '../../../shared/domain/domain-error';
import { AccountsQueries } from '../../accounts/contract';
import { conversationDecider, conversationStream } from '../domain/conversation.decider';
import { snoozePresetTime, type SnoozePreset } from '../domain/snooze-presets';
import { ConversationsQueries } from '../read-models/conversations.queries';
import type { ActOutcome } from './act-on-conversation.command';
import { SnoozeWakeUps } from './snooze-wake-ups';

/** Until a time, until a preset of the snooze menu (in the account's time zone), or `null`: awake now. */
export type SnoozeUntil = { until: Date } | { preset: SnoozePreset } | { until: null };

/** Snooze or unsnooze a conversation of the caller's account. */
export class SnoozeConversation extends Command<ActOutcome> {
  constructor(
    readonly conversationId: string,
    readonly snooze: SnoozeUntil,
    readonly context: CommandContext & { accountId: string; userId: string },
  ) {
    super();
  }
}

@CommandHandler(SnoozeConversation)
export class SnoozeConversationHandler implements ICommandHandler<SnoozeConversation> {
  constructor(
    private readonly eventSourcing: EventSourcing,
    private readonly conversations: ConversationsQueries,
    private readonly accounts: AccountsQueries,
    private readonly wakeUps: SnoozeWakeUps,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ conversationId, snooze, context }: SnoozeConversation): Promise<ActOutcome> {
    const { accountId, userId } = context;
    // Another account's conversation is answered like one that does not exist.
    if (!this.conversations.conversation(accountId, conversationId)) throw new NotFound('Conversation');
    const now = this.clock.now();
    const on = { conversationId, accountId };
    const command =
      'preset' in snooze
        ? { type: 'Snooze' as const, ...on, until: snoozePresetTime(snooze.preset, now, this.accounts.account(accountId)?.timeZone ?? 'UTC'), by: userId, now }
        : snooze.until === null
          ? { type: 'Unsnooze' as const, ...on }
          : { type: 'Snooze' as const, ...on, until: snooze.until, by: userId, now };
    const outcome = await this.eventSourcing.decide(conversationStream(conversationId), conversationDecider, command, context);
    await this.eventSourcing.waitForReadModels(outcome.position);
    if (outcome.position === null) return 'unchanged';
    this.wakeUps.reschedule();
    return 'done';
  }
}
