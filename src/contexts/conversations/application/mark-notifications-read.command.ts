import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext } from '../../../shared/application/command-context';
import { EventSourcing } from '../../../shared/application/event-sourcing.service';
import { notificationsDecider, userNotificationsStream } from '../domain/notifications.decider';
import { NotificationsQueries } from '../read-models/notifications.queries';

/** The signed-in user read their notifications: the ones named, or all of them (`ids` null). */
export class MarkNotificationsRead extends Command<{ unread: number }> {
  constructor(
    readonly ids: string[] | null,
    readonly context: CommandContext & { accountId: string; userId: string },
  ) {
    super();
  }
}

@CommandHandler(MarkNotificationsRead)
export class MarkNotificationsReadHandler implements ICommandHandler<MarkNotificationsRead> {
  constructor(
    private readonly eventSourcing: EventSourcing,
    private readonly notifications: NotificationsQueries,
  ) {}

  async execute({ ids, context }: MarkNotificationsRead): Promise<{ unread: number }> {
    const { accountId, userId } = context;
    // Ids that are not the caller's unread notifications (read, unknown, someone else's) are passed over.
    const unreadIds = this.notifications.unreadIds(accountId, userId, ids);
    const outcome = await this.eventSourcing.decide(
      userNotificationsStream(userId),
      notificationsDecider,
      { type: 'MarkNotificationsRead', accountId, userId, ids },
      context,
      { unreadIds, now: new Date().toISOString() },
    );
    await this.eventSourcing.waitForReadModels(outcome.position);
    return { unread: this.notifications.unreadCount(accountId, userId) };
  }
}
