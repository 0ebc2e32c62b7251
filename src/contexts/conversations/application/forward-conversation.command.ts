import { randomUUID } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext } from '../../../shared/application/command-context';
import { EventSourcing } from '../../../shared/application/event-sourcing.service';
import { BLOB_STORE, type BlobStore } from '../../../shared/blobs/blob-store';
import { APP_CONFIG, type AppConfig } from '../../../shared/config/app-config';
import { deterministicId } from '../../../shared/domain/deterministic-id';
import { languageOfLocale } from '../../../shared/domain/language';
import { InvalidInput, NotFound } from '../../../shared/domain/domain-error';
import { AccountsQueries, DEFAULT_UNDO_SEND_SECONDS } from '../../accounts/contract';
import { conversationDecider, conversationStream } from '../domain/conversation.decider';
import { forwardedHtml, forwardedText, MAX_FORWARDED_MESSAGES, type ForwardedMessage } from '../domain/forward';
import { forwardSubject } from '../domain/reply-subject';
import type { MailAttachment } from '../domain/mail-types';
import { ConversationsQueries, type MessageRow } from '../read-models/conversations.queries';
import { ReplyComposer } from './reply-composer';
import { ReplyOutbox } from './reply-outbox';

export interface ForwardInput {
  /** One address, not the contact's and not ours. */
  to: string;
  /** The agent's note above the forwarded messages. */
  text: string;
  /** The messages to forward, in any order; the whole conversation (its newest messages) when absent. */
  messageIds?: string[];
}

/**
 * A message or the whole conversation forwarded to a third party, with the agent's note, the
 * messages quoted as mail clients quote them, and their attachments (blobs already: the forward
 * names them, the outbox sends them). Recorded like a reply, so undo, retry and the outbox apply.
 */
export class ForwardConversation extends Command<{ messageId: string; sendsAt: string }> {
  constructor(
    readonly conversationId: string,
    readonly input: ForwardInput,
    readonly context: CommandContext & { accountId: string; userId: string },
  ) {
    super();
  }
}

@CommandHandler(ForwardConversation)
export class ForwardConversationHandler implements ICommandHandler<ForwardConversation> {
  constructor(
    private readonly eventSourcing: EventSourcing,
    private readonly conversations: ConversationsQueries,
    private readonly composer: ReplyComposer,
    private readonly outbox: ReplyOutbox,
    private readonly accounts: AccountsQueries,
    @Inject(BLOB_STORE) private readonly blobs: BlobStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async execute({ conversationId, input, context }: ForwardConversation): Promise<{ messageId: string; sendsAt: string }> {
    const { accountId, userId } = context;
    const conversation = this.conversations.conversation(accountId, conversationId);
    if (!conversation) throw new NotFound('Conversation');
    // Named messages may be any of the thread's (a third party's answer too); the whole conversation is what its contact saw.
    const chosen = this.chosen(this.conversations.messages(conversationId, { withForwards: input.messageIds !== undefined }), input.messageIds);
    const quoted = await Promise.all(chosen.map((message) => this.quoted(message)));
    const attachments: MailAttachment[] = chosen.flatMap((message) =>
      message.attachments.map((a) => ({ hash: this.conversations.attachment(accountId, a.id)?.hash ?? '', size: a.size, filename: a.filename, contentType: a.contentType, contentId: a.contentId, inline: a.inline })),
    );
    const bytes = attachments.reduce((sum, a) => sum + a.size, 0);
    if (bytes > this.config.maxMessageBytes) {
      throw new InvalidInput('messageIds', `messageIds: their attachments come to ${bytes} bytes, more than the ${this.config.maxMessageBytes} one message may carry; forward fewer messages`, 'FORWARD.TOO_LARGE');
    }
    const rendered = this.composer.render(accountId, userId, conversation, input.text);
    // The forward's built-in texts (prefix, separator, header names, date) speak the account's language.
    const account = this.accounts.account(accountId);
    const locale = { language: languageOfLocale(account?.locale), timeZone: account?.timeZone ?? 'UTC' };
    const quotes = forwardedHtml(quoted, locale);
    const html = /<\/body>/i.test(rendered.html) ? rendered.html.replace(/<\/body>/i, `${quotes}</body>`) : rendered.html + quotes;
    const messageId = context.commandId ? deterministicId(context.commandId, 'forward') : randomUUID();
    const outcome = await this.eventSourcing.decide(
      conversationStream(conversationId),
      conversationDecider,
      {
        type: 'SendReply',
        conversationId,
        accountId,
        messageId,
        author: { id: userId, name: rendered.agentName },
        text: input.text,
        email: {
          fromName: rendered.fromName,
          subject: forwardSubject(conversation.subject, locale.language),
          text: forwardedText(rendered.text, quoted, locale),
          // A channel that sends plain text only forwards as plain text too.
          html: rendered.plainTextOnly ? '' : html,
          ...(attachments.length > 0 ? { attachments } : {}),
        },
        emailChannel: rendered.emailChannel,
        visitorOnline: false,
        ownDomain: this.config.inboxDomain,
        now: new Date(),
        undoWindowMs: (account?.undoSendSeconds ?? DEFAULT_UNDO_SEND_SECONDS) * 1000,
        forward: { to: input.to, messageIds: chosen.map((message) => message.id) },
      },
      context,
    );
    await this.eventSourcing.waitForReadModels(outcome.position);
    this.outbox.wake();
    const queued = outcome.events.find((event) => event.type === 'ReplyQueued');
    const sendsAt = queued?.type === 'ReplyQueued' ? (queued.data.sendsAt ?? queued.data.queuedAt) : new Date().toISOString();
    return { messageId, sendsAt };
  }

  /** The named messages in thread order (a forward of earlier forwards is left out when forwarding all). */
  private chosen(messages: MessageRow[], ids: string[] | undefined): MessageRow[] {
    if (!ids) return messages.filter((message) => message.forward === null).slice(-MAX_FORWARDED_MESSAGES);
    const wanted = new Set(ids);
    const chosen = messages.filter((message) => wanted.has(message.id));
    if (chosen.length !== wanted.size) throw new NotFound('Message');
    return chosen;
  }

  private async quoted(message: MessageRow): Promise<ForwardedMessage> {
    const text = message.textHash ? (await this.blobs.get(message.textHash)).toString('utf8') : message.replyText;
    // Inbound HTML was sanitized at intake; a reply's HTML is a whole framed document, so its text stands in.
    const html = message.htmlHash ? (await this.blobs.get(message.htmlHash)).toString('utf8') : null;
    return { from: message.from, to: message.to, cc: message.cc, subject: message.subject, sentAt: message.sentAt ?? message.receivedAt, text, html };
  }
}
