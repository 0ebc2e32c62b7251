import { Inject, Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { contextCausedBy } from '../../../shared/application/command-context';
import { EventSourcing } from '../../../shared/application/event-sourcing.service';
import { BLOB_STORE, type BlobStore } from '../../../shared/blobs/blob-store';
import { APP_CONFIG, type AppConfig } from '../../../shared/config/app-config';
import type { Position, RecordedEvent } from '../../../shared/event-store/event-store.port';
import type { ProcessManager } from '../../../shared/projections/projection';
import { RegisterProcessManager } from '../../../shared/projections/subscription.decorators';
import { contactIdFor } from '../../contacts';
import { MarkInboundMailUnrouted, senderOf, type InboundMailAccepted } from '../../inbound-mail';
import { conversationDecider, conversationStream, type InboundMessage } from '../domain/conversation.decider';
import { deterministicId } from '../../../shared/domain/deterministic-id';
import { decideThread } from '../domain/threading';
import { ConversationsQueries } from '../read-models/conversations.queries';

/**
 * Puts each accepted mail into its conversation (or starts one). Threading looks up what earlier
 * mails wrote, so before each mail it waits until the read models show its own previous writes.
 */
@Injectable()
@RegisterProcessManager()
export class ThreadInboundMail implements ProcessManager {
  readonly name = 'thread-inbound-mail';
  readonly eventTypes = ['InboundMailAccepted'];
  private lastWritten: Position | null = null;

  constructor(
    private readonly eventSourcing: EventSourcing,
    private readonly commands: CommandBus,
    private readonly queries: ConversationsQueries,
    @Inject(BLOB_STORE) private readonly blobs: BlobStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async handle(event: RecordedEvent): Promise<void> {
    const accepted = event.data as InboundMailAccepted['data'];
    const { accountId, mail } = accepted;
    if (mail.kind === 'loop' || mail.kind === 'provider-confirmation') return;
    await this.eventSourcing.waitForReadModels(this.lastWritten);

    const message = toMessage(accepted);
    const sender = senderOf(mail, this.config.inboxDomain);
    const bodyText = mail.text ? (await this.blobs.get(mail.text.hash)).toString('utf8') : '';
    const decision = decideThread({ ...message, bouncedMessageId: mail.bouncedMessageId }, bodyText, accepted.recipients, sender?.address ?? null, {
      byInternetMessageId: (id) => this.queries.threadByInternetMessageId(accountId, id),
      byReplyToken: (token) => this.queries.threadByReplyToken(accountId, token),
      byThreadIndexRoot: (root) => this.queries.threadByInternetMessageId(accountId, `thread-index:${root}`),
    });
    const context = contextCausedBy(event, this.name);

    if (decision.kind === 'unthreaded') {
      await this.commands.execute(new MarkInboundMailUnrouted(accepted.inboundId, accountId, decision.reason, context));
      return;
    }
    const ownDomain = this.config.inboxDomain;
    const conversationId = decision.kind === 'join' ? decision.conversationId : deterministicId('conversation', accepted.inboundId);
    const command =
      decision.kind === 'start' && sender
        ? {
            type: 'StartConversation' as const,
            conversationId,
            accountId,
            contact: { id: contactIdFor(accountId, sender.address), email: sender.address, name: sender.name || sender.address },
            linkedTo: decision.linkedTo,
            message,
            ownDomain,
          }
        : { type: 'ReceiveMessage' as const, conversationId, accountId, message, ownDomain };
    const outcome = await this.eventSourcing.decide(conversationStream(conversationId), conversationDecider, command, context);
    if (outcome.position !== null) this.lastWritten = outcome.position;
  }
}

function toMessage(accepted: InboundMailAccepted['data']): InboundMessage {
  const { mail } = accepted;
  return {
    messageId: accepted.inboundId,
    internetMessageId: mail.messageId,
    // The whole chain, In-Reply-To last: threading tries the newest first.
    references: [...new Set([...mail.references, ...mail.inReplyTo])],
    threadIndex: mail.threadIndex,
    from: mail.from,
    to: mail.to,
    cc: mail.cc,
    subject: mail.subject,
    sentAt: mail.sentAt,
    receivedAt: accepted.receivedAt,
    kind: mail.kind,
    text: mail.text,
    html: mail.html,
    replyText: mail.replyText,
    attachments: mail.attachments,
    omitted: mail.omitted,
    receivedWhileDisabled: accepted.receivedWhileDisabled,
  };
}
