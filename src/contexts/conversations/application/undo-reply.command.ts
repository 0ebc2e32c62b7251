import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext } from '../../../shared/application/command-context';
import { EventSourcing } from '../../../shared/application/event-sourcing.service';
import { NotFound } from '../../../shared/domain/domain-error';
import { conversationStream, type ReplyQueued } from '../domain/conversation.decider';
import { draftDecider, draftStream } from '../domain/draft.decider';
import { replyDeliveryDecider, replyDeliveryStream } from '../domain/reply-delivery.decider';
import { ConversationsQueries } from '../read-models/conversations.queries';
import { ownTextOf } from '../domain/outgoing-reply';

export interface UndoneReply {
  messageId: string;
  text: string;
  subject: string;
  /** A forward, withdrawn: its note and quotes are not a reply to the contact, so no draft is made of them. */
  forward: boolean;
}

/**
 * The author takes a reply back within its undo window. The delivery decider records the undo
 * unless the outbox has claimed the reply (409). The text goes back into the author's draft too,
 * so the composer shows it again after a reload or on another device.
 */
export class UndoReply extends Command<UndoneReply> {
  constructor(
    readonly conversationId: string,
    readonly messageId: string,
    readonly context: CommandContext & { accountId: string; userId: string },
  ) {
    super();
  }
}

@CommandHandler(UndoReply)
export class UndoReplyHandler implements ICommandHandler<UndoReply> {
  constructor(
    private readonly eventSourcing: EventSourcing,
    private readonly conversations: ConversationsQueries,
  ) {}

  async execute({ conversationId, messageId, context }: UndoReply): Promise<UndoneReply> {
    const { accountId, userId } = context;
    if (!this.conversations.conversation(accountId, conversationId)) throw new NotFound('Conversation');
    // From the log, not the read model: an undone reply has left the thread, and undoing it again answers the same.
    const events = await this.eventSourcing.store.readStream(conversationStream(conversationId));
    const queued = events.find((event) => event.type === 'ReplyQueued' && (event.data as ReplyQueued['data']).messageId === messageId)?.data as
      | ReplyQueued['data']
      | undefined;
    if (!queued) throw new NotFound('Reply');
    const now = new Date();
    const outcome = await this.eventSourcing.decide(
      replyDeliveryStream(messageId),
      replyDeliveryDecider,
      { type: 'Undo', conversationId, accountId, messageId, userId, authorId: queued.authorId, sendsAt: queued.sendsAt, now },
      context,
    );
    const restored = outcome.events.length && !queued.forward
      ? await this.eventSourcing.decide(
          draftStream(conversationId, userId),
          draftDecider,
          { type: 'SaveDraft', conversationId, accountId, userId, text: queued.typed ?? ownTextOf(queued), subject: queued.subject, now },
          { ...context, commandId: undefined },
        )
      : null;
    await this.eventSourcing.waitForReadModels(outcome.position, restored?.position ?? null);
    return { messageId, text: queued.typed ?? ownTextOf(queued), subject: queued.subject, forward: Boolean(queued.forward) };
  }
}
