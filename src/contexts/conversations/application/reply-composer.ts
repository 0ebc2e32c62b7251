import { Injectable } from '@nestjs/common';
import { chatVisitorPresence, Presence } from '../../../shared/presence/presence';
import { AccountsQueries } from '../../accounts';
import { ChannelsQueries, renderOutgoingEmail } from '../../channel-configuration';
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
    const via = replyRoute({ channel: target.channel, visitorOnline: this.presence.isPresent(chatVisitorPresence(target.id)), contactEmail, emailChannel: channel });
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
      blockedBecause: via === 'email' ? (replyBlocker({ contactEmail, channel })?.message ?? null) : null,
    };
  }
}
