import { Inject, Injectable } from '@nestjs/common';
import { BLOB_STORE, type BlobStore } from '../../../shared/blobs/blob-store';
import { chatVisitorPresence, Presence } from '../../../shared/presence/presence';
import { AccountsQueries } from '../../accounts/contract';
import { ChannelsQueries, quoteMessage, renderOutgoingEmail, renderSignatures, withQuote, type EmailChannelView, type QuotedMessage, type RenderedQuote } from '../../channel-configuration/contract';
import type { MailAttachment } from '../domain/mail-types';
import { withInlineImages } from '../domain/reply-attachments';
import { formatReply } from '../domain/reply-formatting';
import { replySubject } from '../domain/reply-subject';
import { routeReply, type ReplyRoute, type SendingChannel } from '../domain/reply-rules';
import { ConversationsQueries } from '../read-models/conversations.queries';

/** What a reply is composed against: the conversation as the read model shows it. */
export interface ReplyTarget {
  id: string;
  channel: 'email' | 'chat' | 'form';
  startedAt: string;
  contact: { email: string; name?: string | null };
  subject?: string;
}

/** A reply as the contact would get it by email, and the facts its route depends on. */
export interface RenderedReply {
  agentName: string;
  fromName: string;
  /** `"Name" <address>` as the contact will see it. */
  from: string;
  subject: string;
  /** The text part: the agent's text with its marks turned into plain text, then the signatures, then the quoted history when there is one. */
  text: string;
  /** The HTML part; empty when the channel sends plain text only (the mail then has no HTML part). */
  html: string;
  /** The channel sends replies as plain text only: no HTML part, marks written out as plain text. */
  plainTextOnly: boolean;
  /** The agent's and the channel's signatures as appended to text and html, variables rendered. */
  signatures: string[];
  /** Their HTML block alone, for a body the agent wrote in HTML. */
  signatureHtml: string;
  /** The message answered as quoted below the reply, or null (the channel quotes nothing, or nothing was answered). */
  quote: RenderedQuote | null;
  /** Where the quote begins in `text`. */
  quoteStart?: number;
  emailChannel: SendingChannel;
  visitorOnline: boolean;
}

/** What the composer shows before the agent writes: where the reply goes, or why it cannot. */
export interface ReplyPreview {
  via: ReplyRoute;
  from: string;
  subject: string;
  /** Why the reply cannot go out, or null. */
  blockedBecause: string | null;
  /** For chats: where the reply will reach the visitor, in words. */
  note: string | null;
  /** The email channel sends replies as plain text only. */
  plainTextOnly: boolean;
  /** The signatures an email reply gets below the text, rendered for this conversation; empty when none. */
  signatures: string[];
}

/**
 * The reply as the channel's templates render it for this agent (the same renderer as the settings
 * preview, so the composer's from line and subject are what the contact receives). Where it goes is
 * the domain's rule (routeReply): the decider applies it when the reply is sent, the preview shows it.
 */
@Injectable()
export class ReplyComposer {
  constructor(
    private readonly channels: ChannelsQueries,
    private readonly accounts: AccountsQueries,
    private readonly presence: Presence,
    private readonly conversations: ConversationsQueries,
    @Inject(BLOB_STORE) private readonly blobs: BlobStore,
  ) {}

  /**
   * The agent's text is written in the reply markup (reply-formatting): its HTML and its text
   * alternative. `answered`: the message the reply quotes (see `answeredMessage`), quoted below the
   * agent's text and signatures when the channel quotes history. `attachments`: the reply's files;
   * pasted images go right below the agent's text, above the signatures and the quote.
   */
  render(
    accountId: string,
    userId: string,
    target: ReplyTarget,
    text: string,
    answered: QuotedMessage | null = null,
    attachments: readonly MailAttachment[] = [],
  ): RenderedReply {
    const email = this.channels.emailChannel(accountId);
    const account = this.accounts.account(accountId);
    const agent = this.accounts.user(accountId, userId);
    const agentName = agent?.name ?? '';
    const emailChannel: SendingChannel = { enabled: email?.enabled ?? false, address: email?.forwardingAddress ?? null };
    const formatted = formatReply(text);
    const plainTextOnly = email?.plainTextOnly ?? false;
    const signing = {
      agentName,
      signatures: { agent: this.accounts.signature(accountId, userId), channel: email?.signature },
      variables: {
        'agent.email': agent?.email,
        'contact.name': target.contact.name,
        'contact.email': target.contact.email,
        'conversation.subject': target.subject,
      },
    };
    const rendered = renderOutgoingEmail({
      ...signing,
      fromNameTemplate: email?.fromName ?? '{{agent_name}}',
      subjectTemplate: email?.defaultSubject ?? '',
      agentName,
      conversationStartedAt: new Date(target.startedAt),
      account: { timeZone: account?.timeZone ?? 'UTC', locale: account?.locale ?? 'en' },
      address: emailChannel.address,
      bodyText: formatted.text,
      bodyHtml: withInlineImages(formatted.html, attachments),
    });
    const locale = { timeZone: account?.timeZone ?? 'UTC', locale: account?.locale ?? 'en' };
    const quote = answered && email?.quoteHistory !== false ? quoteMessage(answered, locale) : null;
    const body = withQuote(rendered, quote);
    return {
      agentName,
      ...rendered,
      ...body,
      html: plainTextOnly ? '' : body.html,
      plainTextOnly,
      signatures: renderSignatures(signing),
      subject: this.subject(target, email, rendered.subject),
      quote,
      ...(quote ? { quoteStart: body.text.length - quote.text.length } : {}),
      emailChannel,
      visitorOnline: this.presence.isPresent(chatVisitorPresence(target.id)),
    };
  }

  /**
   * A conversation that began with an email keeps the customer's subject (`Re: …`, so their mail
   * client threads the reply) unless the channel says to use the default subject; a chat or a form
   * has no subject of the customer's, and gets the default one.
   */
  private subject(target: ReplyTarget, email: EmailChannelView | null, defaultSubject: string): string {
    if (target.channel !== 'email' || email?.replySubject === 'default') return defaultSubject;
    const original = this.conversations.firstInboundSubject(target.id);
    return original === null ? defaultSubject : replySubject(original);
  }

  /**
   * The message a reply answers, with its text and sanitized HTML from the blob store; null when the
   * channel quotes no history or there is nothing to quote.
   */
  async answeredMessage(accountId: string, target: ReplyTarget): Promise<QuotedMessage | null> {
    if (this.channels.emailChannel(accountId)?.quoteHistory === false) return null;
    const message = this.conversations.answeredMessage(target.id);
    if (!message) return null;
    const [text, html] = await Promise.all([
      message.textHash ? this.blobs.get(message.textHash).then((bytes) => bytes.toString('utf8')) : Promise.resolve(message.replyText),
      message.htmlHash ? this.blobs.get(message.htmlHash).then((bytes) => bytes.toString('utf8')) : Promise.resolve(null),
    ]);
    return { author: message.from?.name || message.from?.address || '', at: new Date(message.sentAt ?? message.receivedAt), text, html };
  }

  preview(accountId: string, userId: string, target: ReplyTarget): ReplyPreview {
    const { from, subject, signatures, emailChannel, visitorOnline, plainTextOnly } = this.render(accountId, userId, target, '');
    const contactEmail = target.contact.email || null;
    const { via, emailBlocker } = routeReply({ channel: target.channel, contactEmail, visitorOnline, emailChannel });
    const blocker = emailBlocker?.message ?? null;
    return {
      via,
      from,
      subject,
      blockedBecause: via === 'email' ? blocker : null,
      note: target.channel !== 'chat' ? null : chatNote(via, visitorOnline, contactEmail, blocker),
      plainTextOnly,
      signatures: via === 'email' ? signatures : [],
    };
  }
}

function chatNote(via: ReplyRoute, visitorOnline: boolean, contactEmail: string | null, emailBlocker: string | null): string {
  if (visitorOnline) return 'The visitor is online: your reply appears in their chat.';
  if (via === 'email') return `The visitor has left: your reply goes by email to ${contactEmail}.`;
  if (!contactEmail) return 'The visitor has left without an email address: they see your reply if they come back to the chat.';
  return `The visitor has left and email cannot reach them (${emailBlocker}): your reply waits in the chat.`;
}
