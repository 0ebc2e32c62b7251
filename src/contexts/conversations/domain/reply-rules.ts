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

export type ReplyRoute = 'chat' | 'email';

/** What decides where a reply goes: the conversation, its contact, the visitor's presence, the email channel. */
export interface ReplyFacts {
  channel: 'email' | 'chat' | 'form';
  contactEmail: string | null;
  visitorOnline: boolean;
  emailChannel: SendingChannel;
}

export interface ReplyRouting {
  via: ReplyRoute;
  /** Why email cannot reach the contact, whichever way the reply goes; null when it can. */
  emailBlocker: DomainError | null;
}

/**
 * Where an agent's reply goes, and what stands in the way of email. Email and form conversations
 * answer by email. A chat answers in the chat while the visitor is there; once they have gone, by
 * email if they left an address and email can be sent, else in the chat, where they see it if they
 * come back. The decider refuses with `emailBlocker` when the reply goes by email; the composer
 * shows the same reason beforehand, so the rule lives here once.
 */
export function routeReply(facts: ReplyFacts): ReplyRouting {
  const emailBlocker = emailBlockerOf(facts);
  if (facts.channel !== 'chat') return { via: 'email', emailBlocker };
  if (facts.visitorOnline) return { via: 'chat', emailBlocker };
  return { via: emailBlocker ? 'chat' : 'email', emailBlocker };
}

function emailBlockerOf({ contactEmail, emailChannel }: ReplyFacts): DomainError | null {
  if (!contactEmail) return new ContactHasNoEmail();
  if (!emailChannel.enabled) return new EmailChannelDisabled();
  if (!emailChannel.address) return new NoSendingAddress();
  return null;
}
