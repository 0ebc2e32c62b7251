import { Inject, Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { contextCausedBy } from '../../../shared/application/command-context';
import { EventSourcing } from '../../../shared/application/event-sourcing.service';
import { CLOCK, type Clock } from '../../../shared/clock/clock';
import { APP_CONFIG, type AppConfig } from '../../../shared/config/app-config';
import type { RecordedEvent } from '../../../shared/event-store/event-store.port';
import type { ProcessManager } from '../../../shared/projections/projection';
import { RegisterProcessManager } from '../../../shared/projections/subscription.decorators';
import { AccountsQueries } from '../../accounts/contract';
import { conversationDecider, conversationStream, type ConversationAssigned, type ConversationState } from '../domain/conversation.decider';
import { decideEmailNotifications, type NotificationCause, type NotifiedUser } from '../domain/email-notifications';
import type { NoteAdded } from '../domain/internal-note';
import type { ReplyDeliveryFailed } from '../domain/reply-delivery.decider';
import { QueueUserMail } from './queue-user-mail.command';

/**
 * Tells users by email what asks for them: a mention in a note, a conversation someone else gave
 * them, a reply of theirs the outbox gave up on. Each mail is queued through the same outbox as
 * replies, with a key derived from its cause and user, so a replay or a restart queues nothing twice.
 * Who gets one, in which language and whether they want it comes from the accounts read model, which
 * PATCH /api/me and user changes wait for before they answer.
 */
@Injectable()
@RegisterProcessManager()
export class EmailNotifications implements ProcessManager {
  readonly name = 'email-notifications';
  readonly eventTypes = ['NoteAdded', 'ConversationAssigned', 'ReplyDeliveryFailed'];

  constructor(
    private readonly eventSourcing: EventSourcing,
    private readonly commands: CommandBus,
    private readonly accounts: AccountsQueries,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async handle(event: RecordedEvent): Promise<void> {
    const found = await this.causeOf(event);
    if (!found) return;
    const { cause, conversation } = found;
    const accountId = (event.data as { accountId: string }).accountId;
    const mails = decideEmailNotifications(cause, {
      conversation: { subject: conversation.subject, contact: conversation.contact },
      userOf: (userId) => this.userOf(accountId, userId),
      publicUrl: this.config.publicUrl,
      occurredAt: event.metadata.occurredAt,
      now: this.clock.now(),
    });
    for (const mail of mails) {
      await this.commands.execute(
        new QueueUserMail({ key: mail.key, accountId, to: mail.to, subject: mail.subject, text: mail.text }, contextCausedBy(event, this.name)),
      );
    }
  }

  /** The cause an event is, with its conversation; null for an event that tells nobody (a reply the outbox still retries). */
  private async causeOf(event: RecordedEvent): Promise<{ cause: NotificationCause; conversation: ConversationState } | null> {
    const typed = { type: event.type, data: event.data } as NoteAdded | ConversationAssigned | ReplyDeliveryFailed;
    // A failure of mail to one of our own people (no conversation) is nobody's reply: telling them by mail would loop.
    if (typed.type === 'ReplyDeliveryFailed' && (typed.data.nextAttemptAt !== null || !typed.data.conversationId)) return null;
    const conversationId = typed.data.conversationId as string;
    const conversation = await this.eventSourcing.load(conversationStream(conversationId), conversationDecider);
    switch (typed.type) {
      case 'NoteAdded': {
        const d = typed.data;
        const cause: NotificationCause = {
          kind: 'mention', conversationId: d.conversationId, noteId: d.noteId, byUserId: d.authorId, byName: d.authorName, text: d.text, mentionedUserIds: d.mentionedUserIds,
        };
        return { cause, conversation };
      }
      case 'ConversationAssigned': {
        const { actor } = event.metadata;
        const byUserId = 'userId' in actor ? actor.userId : null;
        const byName = byUserId ? (this.accounts.user(typed.data.accountId, byUserId)?.name ?? null) : null;
        // What the conversation is about: the contact's latest words.
        const latest = [...conversation.thread].reverse().find((entry) => entry.direction === 'inbound');
        const cause: NotificationCause = {
          kind: 'assignment', conversationId: typed.data.conversationId, eventId: event.metadata.eventId, assigneeId: typed.data.assigneeId, byUserId, byName, excerpt: latest?.excerpt ?? '',
        };
        return { cause, conversation };
      }
      case 'ReplyDeliveryFailed': {
        const d = typed.data;
        const reply = conversation.thread.find((entry) => entry.id === d.messageId);
        if (!reply?.authorId) return null;
        const cause: NotificationCause = {
          kind: 'replyFailed', conversationId, messageId: d.messageId, attempt: d.attempt, authorId: reply.authorId, excerpt: reply.excerpt, error: d.error,
        };
        return { cause, conversation };
      }
    }
  }

  private userOf(accountId: string, userId: string): NotifiedUser | null {
    const user = this.accounts.user(accountId, userId);
    if (!user) return null;
    return {
      name: user.name,
      email: user.email,
      active: user.active,
      language: this.accounts.language(accountId, userId),
      wants: this.accounts.emailNotifications(userId),
    };
  }
}
