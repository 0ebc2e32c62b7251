import { Injectable } from '@nestjs/common';
import { AccountsQueries } from '../../accounts';
import { ChannelsQueries, renderOutgoingEmail } from '../../channel-configuration';
import { replyBlocker, type SendingChannel } from '../domain/reply-rules';

export interface ComposedReply {
  fromName: string;
  /** `"Name" <address>` as the contact will see it. */
  from: string;
  subject: string;
  text: string;
  html: string;
  channel: SendingChannel;
  /** Why the reply cannot go out by email (the composer shows it), or null. */
  blockedBecause: string | null;
}

/**
 * The reply as the channel's templates render it for this agent: the same renderer as the settings
 * preview, so the composer's from line and subject are what the contact receives.
 */
@Injectable()
export class ReplyComposer {
  constructor(
    private readonly channels: ChannelsQueries,
    private readonly accounts: AccountsQueries,
  ) {}

  compose(accountId: string, userId: string, conversationStartedAt: string, text: string, contactEmail: string | null = null): ComposedReply {
    const email = this.channels.emailChannel(accountId);
    const account = this.accounts.account(accountId);
    const agent = this.accounts.user(accountId, userId);
    const channel: SendingChannel = { enabled: email?.enabled ?? false, address: email?.forwardingAddress ?? null };
    const rendered = renderOutgoingEmail({
      fromNameTemplate: email?.fromName ?? '{{agent_name}}',
      subjectTemplate: email?.defaultSubject ?? '',
      agentName: agent?.name ?? '',
      conversationStartedAt: new Date(conversationStartedAt),
      account: { timeZone: account?.timeZone ?? 'UTC', locale: account?.locale ?? 'en' },
      address: channel.address,
      bodyText: text,
    });
    return {
      fromName: rendered.fromName,
      from: rendered.from,
      subject: rendered.subject,
      text: rendered.text,
      html: rendered.html,
      channel,
      blockedBecause: replyBlocker({ contactEmail, channel })?.message ?? null,
    };
  }
}
