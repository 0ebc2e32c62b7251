import { Injectable } from '@nestjs/common';
import { chatVisitorPresence, Presence } from '../../../shared/presence/presence';
import { AccountsQueries } from '../../accounts/contract';
import { ChannelsQueries, renderOutgoingEmail } from '../../channel-configuration/contract';
import { replyBlocker, replyRoute, type ReplyRoute, type SendingChannel } from '../domain/reply-rules';

/** What a reply is composed against: the conversation as the read model shows it. */
export interface ReplyTarget {
  id: string;
  channel: 'email' | 'chat' | 'form';
  startedAt: string;
  contact: { email: string };
}

export interface ComposedReply {
  /** Where the reply goes: by email, or into the visitor's chat. */
  via: ReplyRoute;
  fromName: string;
  /** `"Name" <address>` as the contact will see it. */
  from: string;
  subject: string;
  text: string;
  html: string;
  channel: SendingChannel;
  /** Why the reply cannot go out (the composer shows it), or null. */
  blockedBecause: string | null;
  /** For chats: where the reply will reach the visitor, in words. */
  note: string | null;
}

/**
 * The reply as the channel's templates render it for this agent (the same renderer as the settings
 * preview, so the composer's from line and subject are what the contact receives), and the route it takes.
 */
@Injectable()
export class ReplyComposer {
  constructor(
    private readonly channels: ChannelsQueries,
    private readonly accounts: AccountsQueries,
    private readonly presence: Presence,
  ) {}

  compose(accountId: string, userId: string, target: ReplyTarget, text: string): ComposedReply {
    const email = this.channels.emailChannel(accountId);
    const account = this.accounts.account(accountId);
    const agent = this.accounts.user(accountId, userId);
    const channel: SendingChannel = { enabled: email?.enabled ?? false, address: email?.forwardingAddress ?? null };
    const contactEmail = target.contact.email || null;
    const visitorOnline = this.presence.isPresent(chatVisitorPresence(target.id));
    const via = replyRoute({ channel: target.channel, visitorOnline, contactEmail, emailChannel: channel });
    const emailBlocker = replyBlocker({ contactEmail, channel });
    const rendered = renderOutgoingEmail({
      fromNameTemplate: email?.fromName ?? '{{agent_name}}',
      subjectTemplate: email?.defaultSubject ?? '',
      agentName: agent?.name ?? '',
      conversationStartedAt: new Date(target.startedAt),
      account: { timeZone: account?.timeZone ?? 'UTC', locale: account?.locale ?? 'en' },
      address: channel.address,
      bodyText: text,
    });
    return {
      via,
      fromName: rendered.fromName,
      from: rendered.from,
      subject: rendered.subject,
      text: rendered.text,
      html: rendered.html,
      channel,
      blockedBecause: via === 'email' ? (emailBlocker?.message ?? null) : null,
      note: target.channel !== 'chat' ? null : chatNote(via, visitorOnline, contactEmail, emailBlocker?.message ?? null),
    };
  }
}

function chatNote(via: ReplyRoute, visitorOnline: boolean, contactEmail: string | null, emailBlocker: string | null): string {
  if (visitorOnline) return 'The visitor is online: your reply appears in their chat.';
  if (via === 'email') return `The visitor has left: your reply goes by email to ${contactEmail}.`;
  if (!contactEmail) return 'The visitor has left without an email address: they see your reply if they come back to the chat.';
  return `The visitor has left and email cannot reach them (${emailBlocker}): your reply waits in the chat.`;
}
