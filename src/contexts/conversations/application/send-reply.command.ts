import { randomUUID } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext } from '../../../shared/application/command-context';
import type { CommandOutcome } from '../../../shared/application/handle-command';
import { EventSourcing } from '../../../shared/application/event-sourcing.service';
import { APP_CONFIG, type AppConfig } from '../../../shared/config/app-config';
import { deterministicId } from '../../../shared/domain/deterministic-id';
import { NotFound } from '../../../shared/domain/domain-error';
import { withQuote } from '../../channel-configuration/contract';
import { sanitizeMailHtml } from '../../inbound-mail/contract';
import { conversationDecider, conversationStream, type ConversationEvent } from '../domain/conversation.decider';
import type { ReplyRoute } from '../domain/reply-rules';
import { ConversationsQueries } from '../read-models/conversations.queries';
import { AccountsQueries, DEFAULT_UNDO_SEND_SECONDS } from '../../accounts/contract';
import { draftDecider, draftStream } from '../domain/draft.decider';
import { ReplyComposer } from './reply-composer';
import { ReplyOutbox } from './reply-outbox';
import { replyAttachments, uploadDecider, uploadStream, withInlineImages, type Upload } from '../domain/reply-attachments';
import type { MailAttachment } from '../domain/mail-types';

export interface ReplyInput {
  /** The agent's subject; when absent, what the composer prefills (`Re: …` or the channel's default subject). */
  subject?: string;
  text: string;
  html?: string;
  /** When the composer last caught up with the thread: a reply is held if someone else added to it since. */
  savedAt?: Date;
  /** Send even though something arrived after savedAt (the agent saw it). */
  force?: boolean;
  /** Copies beside the contact, as typed: the decider checks them (see recipients). */
  cc?: string[];
  /** Blind copies, as typed. */
  bcc?: string[];
  /** Uploads of the account to send as files (or inline images) with an email reply. */
  attachmentIds?: readonly string[];
}

export interface SentReply {
  messageId: string;
  via: ReplyRoute;
  /** When the outbox takes an email reply (the end of its undo window); when it was posted, for a chat line. */
  sendsAt: string;
}

/** An agent's reply, sent where the conversation can be reached: by email, or into the visitor's chat. */
export class SendReply extends Command<SentReply> {
  constructor(
    readonly conversationId: string,
    readonly input: ReplyInput,
    readonly context: CommandContext & { accountId: string; userId: string },
  ) {
    super();
  }
}

/**
 * Reads the conversation and renders the reply once, then lets the decider route it and record it
 * (ReplyQueued for the outbox, or ChatReplyPosted) in one append. An email reply waits the account's
 * undo send delay, as it is at send time. The sender's draft of it goes once the reply is recorded.
 */
@CommandHandler(SendReply)
export class SendReplyHandler implements ICommandHandler<SendReply> {
  constructor(
    private readonly eventSourcing: EventSourcing,
    private readonly conversations: ConversationsQueries,
    private readonly composer: ReplyComposer,
    private readonly outbox: ReplyOutbox,
    private readonly accounts: AccountsQueries,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async execute({ conversationId, input, context }: SendReply): Promise<SentReply> {
    const { accountId, userId } = context;
    const conversation = this.conversations.conversation(accountId, conversationId);
    if (!conversation) throw new NotFound('Conversation');
    const attachments = await this.attachments(accountId, input.attachmentIds ?? []);
    const rendered = this.composer.render(accountId, userId, conversation, input.text, await this.composer.answeredMessage(accountId, conversation), attachments);
    // HTML from an API client gets what the rendered reply has below the text: pasted images, signatures, the quote.
    const html = input.html
      ? withQuote({ text: '', html: withInlineImages(sanitizeMailHtml(input.html), attachments) + rendered.signatureHtml }, rendered.quote).html
      : rendered.html;
    const messageId = context.commandId ? deterministicId(context.commandId, 'reply') : randomUUID();
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
          subject: input.subject?.trim() || rendered.subject,
          text: rendered.text,
          typed: input.text,
          // Plain text only: no HTML part, whatever the client sent (pasted images go as files).
          html: rendered.plainTextOnly ? '' : html,
          ...(attachments.length > 0 ? { attachments } : {}),
          ...(rendered.quoteStart !== undefined ? { quoteStart: rendered.quoteStart } : {}),
        },
        emailChannel: rendered.emailChannel,
        visitorOnline: rendered.visitorOnline,
        ownDomain: this.config.inboxDomain,
        now: new Date(),
        savedAt: input.savedAt ?? null,
        force: input.force ?? false,
        undoWindowMs: (this.accounts.account(accountId)?.undoSendSeconds ?? DEFAULT_UNDO_SEND_SECONDS) * 1000,
        copies: { cc: input.cc, bcc: input.bcc },
      },
      context,
    );
    const discarded = await this.eventSourcing.decide(
      draftStream(conversationId, userId),
      draftDecider,
      { type: 'DiscardDraft', conversationId, accountId, userId, because: 'sent', now: new Date() },
      { ...context, commandId: undefined },
    );
    await this.eventSourcing.waitForReadModels(outcome.position, discarded.position);
    const sent = await this.recorded(conversationId, outcome, context.commandId);
    if (sent.via === 'email') this.outbox.wake();
    return { messageId, ...sent };
  }

  /** The uploads the reply names, as the files it carries; refused (naming attachmentIds) unless all are the account's and within the limits. */
  private async attachments(accountId: string, ids: readonly string[]): Promise<MailAttachment[]> {
    if (ids.length === 0) return [];
    const limits = this.config.replyAttachments;
    const uploads = new Map<string, Upload | null>();
    // Past the count nothing is read: the rule refuses the list as it is.
    if (ids.length <= limits.maxFiles) {
      for (const id of new Set(ids)) uploads.set(id, await this.eventSourcing.load(uploadStream(id), uploadDecider));
    }
    return replyAttachments(ids, uploads, accountId, limits);
  }

  /** Where the decider sent the reply and when it goes: what it recorded now, or what this command id recorded before. */
  private async recorded(conversationId: string, outcome: CommandOutcome<ConversationEvent>, commandId: string | undefined): Promise<Omit<SentReply, 'messageId'>> {
    const recorded = outcome.repeated
      ? (await this.eventSourcing.store.readStream(conversationStream(conversationId))).filter((event) => event.metadata.commandId === commandId)
      : outcome.events;
    for (const event of recorded as ConversationEvent[]) {
      if (event.type === 'ChatReplyPosted') return { via: 'chat', sendsAt: event.data.postedAt };
      if (event.type === 'ReplyQueued') return { via: 'email', sendsAt: event.data.sendsAt ?? event.data.queuedAt };
    }
    return { via: 'email', sendsAt: new Date().toISOString() };
  }
}
