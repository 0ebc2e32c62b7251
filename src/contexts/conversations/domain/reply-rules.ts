import { DomainError } from '../../../shared/domain/domain-error';

/** What the email channel offers a reply: whether it is on, and the address replies go out from. */
export interface SendingChannel {
  enabled: boolean;
  address: string | null;
}

export class EmailChannelDisabled extends DomainError {
  constructor() {
    super('CONVERSATION.EMAIL_CHANNEL_DISABLED', 'conflict', 'The email channel is switched off, so no reply can be sent by email; the primary admin can enable it in Channels');
  }
}

export class NoSendingAddress extends DomainError {
  constructor() {
    super('CONVERSATION.NO_SENDING_ADDRESS', 'conflict', 'The email channel has no forwarding address yet; replies are sent from it, so the primary admin must set it first');
  }
}

export class ContactHasNoEmail extends DomainError {
  constructor() {
    super('CONVERSATION.CONTACT_HAS_NO_EMAIL', 'conflict', 'The contact has not given an email address, so the reply cannot be sent by email');
  }
}

/**
 * Why a reply cannot be sent by email, or null when it can. The composer shows the same reason the
 * command refuses with, so the rule lives here once.
 */
export function replyBlocker(input: { contactEmail: string | null; channel: SendingChannel }): DomainError | null {
  if (!input.contactEmail) return new ContactHasNoEmail();
  if (!input.channel.enabled) return new EmailChannelDisabled();
  if (!input.channel.address) return new NoSendingAddress();
  return null;
}

export type ReplyRoute = 'chat' | 'email';

/**
 * Where an agent's reply goes. Email conversations answer by email. A chat answers in the chat while
 * the visitor is there; once they have gone, by email if they left an address and email can be sent,
 * else in the chat, where they see it if they come back.
 */
export function replyRoute(input: { channel: 'email' | 'chat' | 'form'; visitorOnline: boolean; contactEmail: string | null; emailChannel: SendingChannel }): ReplyRoute {
  if (input.channel !== 'chat') return 'email';
  if (input.visitorOnline) return 'chat';
  return replyBlocker({ contactEmail: input.contactEmail, channel: input.emailChannel }) ? 'chat' : 'email';
}
