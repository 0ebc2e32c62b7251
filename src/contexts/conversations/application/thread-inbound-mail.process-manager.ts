import { Inject, Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { contextCausedBy } from '../../../shared/application/command-context';
import { EventSourcing } from '../../../shared/application/event-sourcing.service';
import { BLOB_STORE, type BlobStore } from '../../../shared/blobs/blob-store';
import { APP_CONFIG, type AppConfig } from '../../../shared/config/app-config';
import type { RecordedEvent } from '../../../shared/event-store/event-store.port';
import type { ProcessManager } from '../../../shared/projections/projection';
import { RegisterProcessManager } from '../../../shared/projections/subscription.decorators';
import { contactIdFor } from '../../contacts/contract';
import { SERVER_SECRET } from '../../../shared/config/server-secret';
import { contactOfReplyToken, contactPrefixOf, replyTokenFor } from '../domain/reply-address';
import { MarkInboundMailUnrouted, senderOf, type InboundMailAccepted } from '../../inbound-mail/contract';
import { conversationDecider, conversationStream, participantsOf, type InboundMessage } from '../domain/conversation.decider';
import { deterministicId } from '../../../shared/domain/deterministic-id';
import { decideThread, threadIndexRoot } from '../domain/threading';
import { RecentThreads } from './recent-threads';
import { ConversationsQueries } from '../read-models/conversations.queries';
import { ContactThreadsQueries } from '../read-models/contact-threads.queries';
import type { ThreadCandidate } from '../domain/threading';

/**
 * Puts each accepted mail into its conversation (or starts one). Threading looks up what earlier
 * mails wrote: its own latest writes from memory, older ones from the read model. After a start it
 * first lets the read models catch up with the log, since memory is empty then.
 */
@Injectable()
@RegisterProcessManager()
export class ThreadInboundMail implements ProcessManager {
  readonly name = 'thread-inbound-mail';
  readonly eventTypes = ['InboundMailAccepted'];
  private readonly recent = new RecentThreads();
  /** The latest conversation this process started per contact (id prefix), ahead of the read model (oldest out first). */
  private readonly recentByContact = new Map<string, ThreadCandidate>();
  private caughtUp = false;

  constructor(
    private readonly eventSourcing: EventSourcing,
    private readonly commands: CommandBus,
    private readonly queries: ConversationsQueries,
    @Inject(BLOB_STORE) private readonly blobs: BlobStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly contactThreads: ContactThreadsQueries,
    @Inject(SERVER_SECRET) private readonly secret: string,
  ) {}

  handle(event: RecordedEvent): Promise<void> {
    return this.handleBatch([event]);
  }

  /**
   * Decisions are taken one mail after the other, in log order (a reply may follow its original in
   * the same batch); the appends then run side by side, one chain per conversation.
   */
  async handleBatch(events: RecordedEvent[]): Promise<void> {
    if (!this.caughtUp) {
      await this.eventSourcing.waitForReadModels(await this.eventSourcing.store.headPosition());
      this.caughtUp = true;
    }
    const chains = new Map<string, Promise<unknown>>();
    try {
      for (const event of events) {
        const work = await this.decideOne(event);
        if (!work) continue;
        chains.set(work.key, (chains.get(work.key) ?? Promise.resolve()).then(work.run));
      }
      await Promise.all(chains.values());
    } catch (error) {
      // What was remembered may not have been written: forget it and read the read models again.
      await Promise.allSettled(chains.values());
      this.recent.clear();
      this.recentByContact.clear();
      this.caughtUp = false;
      throw error;
    }
  }

  private async decideOne(event: RecordedEvent): Promise<{ key: string; run: () => Promise<unknown> } | null> {
    const accepted = event.data as InboundMailAccepted['data'];
    const { accountId, mail } = accepted;
    if (mail.kind === 'loop' || mail.kind === 'provider-confirmation') return null;

    const message = toMessage(accepted);
    const sender = senderOf(mail, this.config.inboxDomain);
    const bodyText = mail.text ? (await this.blobs.get(mail.text.hash)).toString('utf8') : '';
    const decision = decideThread({ ...message, bouncedMessageId: mail.bouncedMessageId }, bodyText, accepted.recipients, sender?.address ?? null, {
      byInternetMessageId: (id) => this.recent.get(accountId, 'message', id) ?? this.queries.threadByInternetMessageId(accountId, id),
      byReplyToken: (token) => this.recent.get(accountId, 'token', token) ?? this.queries.threadByReplyToken(accountId, token),
      byThreadIndexRoot: (root) =>
        this.recent.get(accountId, 'message', `thread-index:${root}`) ?? this.queries.threadByInternetMessageId(accountId, `thread-index:${root}`),
      byContactToken: (token) => {
        // An unkeyed (old) or forged token names nobody: the mail threads as if sent to the bare address.
        const contact = contactOfReplyToken(this.secret, accountId, token);
        return contact ? (this.recentByContact.get(`${accountId}\u0000${contact}`) ?? this.contactThreads.latestByContactPrefix(accountId, contact)) : null;
      },
    });
    const context = contextCausedBy(event, this.name);

    if (decision.kind === 'unthreaded') {
      return { key: `unrouted:${accepted.inboundId}`, run: () => this.commands.execute(new MarkInboundMailUnrouted(accepted.inboundId, accountId, decision.reason, context)) };
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
    // Remembered before the append, so the next mail of this batch threads onto it.
    this.remember(accountId, conversationId, command.type === 'StartConversation' ? [command.contact.email] : [], message);
    if (command.type === 'StartConversation') this.rememberContact(accountId, command.contact, conversationId);
    return { key: conversationId, run: () => this.eventSourcing.decide(conversationStream(conversationId), conversationDecider, command, context) };
  }

  private rememberContact(accountId: string, contact: { id: string; email: string }, conversationId: string): void {
    const key = `${accountId}\u0000${contactPrefixOf(contact.id)}`;
    this.recentByContact.delete(key);
    this.recentByContact.set(key, { conversationId, participants: [contact.email] });
    if (this.recentByContact.size > 50_000) this.recentByContact.delete(this.recentByContact.keys().next().value as string);
  }

  private remember(accountId: string, conversationId: string, contactEmails: string[], message: InboundMessage): void {
    const known = this.recent.get(accountId, 'token', replyTokenFor(conversationId)) ?? this.queries.threadByReplyToken(accountId, replyTokenFor(conversationId));
    const participants = [...new Set([...(known?.participants ?? []), ...contactEmails, ...participantsOf(message, this.config.inboxDomain)])];
    const candidate = { conversationId, participants };
    const root = threadIndexRoot(message.threadIndex);
    this.recent.remember(
      accountId,
      [
        ['token', replyTokenFor(conversationId)],
        ...(message.internetMessageId ? [['message', message.internetMessageId] as ['message', string]] : []),
        ...(root ? [['message', `thread-index:${root}`] as ['message', string]] : []),
      ],
      candidate,
    );
    this.recent.updateParticipants(conversationId, participants);
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
    ...(mail.truncated ? { truncated: mail.truncated } : {}),
  };
}
