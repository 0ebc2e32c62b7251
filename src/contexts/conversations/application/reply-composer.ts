import { Injectable } from '@nestjs/common';
import { chatVisitorPresence, Presence } from '../../../shared/presence/presence';
import { AccountsQueries } from '../../accounts/contract';
import { ChannelsQueries, renderOutgoingEmail, renderSignatures } from '../../channel-configuration/contract';
import { formatReply } from '../domain/reply-formatting';
import { routeReply, type ReplyRoute, type SendingChannel } from '../domain/reply-rules';

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
  /** The text part: the agent's text with its marks turned into plain text. */
  text: string;
  /** The HTML part; empty when the channel sends plain text only (the mail then has no HTML part). */
  html: string;
  /** The channel sends replies as plain text only: no HTML part, marks written out as plain text. */
  plainTextOnly: boolean;
  /** The agent's and the channel's signatures as appended to text and html, variables rendered. */
  signatures: string[];
  /** Their HTML block alone, for a body the agent wrote in HTML. */
  signatureHtml: string;
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
  ) {}

  /** The agent's text is written in the reply markup (reply-formatting): its HTML and its text alternative. */
  render(accountId: string, userId: string, target: ReplyTarget, text: string): RenderedReply {
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
      bodyHtml: formatted.html,
    });
    return {
      agentName,
      ...rendered,
      html: plainTextOnly ? '' : rendered.html,
      plainTextOnly,
      signatures: renderSignatures(signing),
      emailChannel,
      visitorOnline: this.presence.isPresent(chatVisitorPresence(target.id)),
    };
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
