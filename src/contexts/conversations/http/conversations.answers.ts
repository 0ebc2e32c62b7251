import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DraftAnswer, DraftAuthorAnswer } from './drafts.answers';

// What the conversations routes answer, as the OpenAPI document describes it.

export class ConversationContactAnswer {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() email!: string;
}

export class ConversationSummaryAnswer {
  @ApiProperty() id!: string;
  @ApiProperty() subject!: string;
  @ApiProperty({ type: ConversationContactAnswer }) contact!: ConversationContactAnswer;
  @ApiProperty({ enum: ['email', 'chat', 'form'] }) channel!: 'email' | 'chat' | 'form';
  @ApiProperty({ enum: ['open', 'closed'] }) status!: 'open' | 'closed';
  @ApiProperty({ type: String, nullable: true, format: 'date-time', description: 'an open conversation snoozed until then (on the Snoozed tab, not Open); null when not snoozed' })
  snoozedUntil!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'the assigned user' }) assignee!: string | null;
  @ApiProperty({ format: 'date-time' }) lastMessageAt!: string;
  @ApiProperty() preview!: string;
}

export class InboxItemAnswer extends ConversationSummaryAnswer {
  @ApiProperty({ description: 'inbound activity since the caller last opened it' }) unread!: boolean;
  @ApiProperty({ type: [String], description: "the conversation's tags, by name" }) tags!: string[];
}

export class InboxCountsAnswer {
  @ApiProperty() open!: number;
  @ApiProperty() closed!: number;
  @ApiProperty({ description: 'open conversations that are snoozed (not counted in open)' }) snoozed!: number;
}

export class InboxPageAnswer {
  @ApiProperty({ type: [InboxItemAnswer], description: 'newest activity first' }) items!: InboxItemAnswer[];
  @ApiProperty({ type: String, nullable: true, description: 'pass as `cursor` for the next page; null on the last' }) nextCursor!: string | null;
  @ApiProperty({ type: InboxCountsAnswer, description: 'per status tab, with channel, assignee and tag applied (not status or q)' })
  counts!: InboxCountsAnswer;
}

export class MailAddressAnswer {
  @ApiProperty() name!: string;
  @ApiProperty() address!: string;
}

export class AttachmentAnswer {
  @ApiProperty() id!: string;
  @ApiProperty({ type: String, nullable: true }) filename!: string | null;
  @ApiProperty() contentType!: string;
  @ApiProperty() size!: number;
  @ApiProperty({ type: String, nullable: true }) contentId!: string | null;
  @ApiProperty() inline!: boolean;
  @ApiProperty({ example: '/api/attachments/…' }) url!: string;
}

export class OmittedAttachmentAnswer {
  @ApiProperty({ type: String, nullable: true }) filename!: string | null;
  @ApiProperty() size!: number;
  @ApiProperty() reason!: string;
}

export class TruncatedBodiesAnswer {
  @ApiPropertyOptional() text?: boolean;
  @ApiPropertyOptional() html?: boolean;
}

const AUTH_RESULTS = ['pass', 'fail', 'softfail', 'neutral', 'none', 'policy', 'temperror', 'permerror'];

export class SenderAuthenticationAnswer {
  @ApiProperty({ enum: ['verified', 'unverified'], description: 'verified: DMARC passed (or, without a DMARC record, an aligned DKIM signature or SPF), or a trusted forwarder\'s ARC seal vouches for it' })
  verdict!: 'verified' | 'unverified';
  @ApiProperty({ enum: AUTH_RESULTS, description: '`none` for mail posted over HTTP (no SMTP client to check)' }) spf!: string;
  @ApiProperty({ enum: AUTH_RESULTS }) dkim!: string;
  @ApiProperty({ enum: AUTH_RESULTS }) dmarc!: string;
  @ApiProperty({ enum: AUTH_RESULTS }) arc!: string;
  @ApiProperty({ enum: ['none', 'quarantine', 'reject'], nullable: true, description: "the From domain's DMARC policy; null without one" })
  dmarcPolicy!: 'none' | 'quarantine' | 'reject' | null;
  @ApiProperty({ type: String, nullable: true, description: 'why it is unverified (or which forwarder vouched), in words' }) reason!: string | null;
}

export class ForwardedAnswer {
  @ApiProperty({ type: [String] }) messageIds!: string[];
}

export class MessageAnswer {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: ['inbound', 'outbound', 'note'], description: '`note`: an internal note (kind `note`), never sent; its text writes mentions as `@[name](userId)`' })
  direction!: 'inbound' | 'outbound' | 'note';
  @ApiProperty({ type: MailAddressAnswer, nullable: true }) from!: MailAddressAnswer | null;
  @ApiProperty({ type: [MailAddressAnswer] }) to!: MailAddressAnswer[];
  @ApiProperty({ type: [MailAddressAnswer] }) cc!: MailAddressAnswer[];
  @ApiProperty({ type: [MailAddressAnswer], description: "a reply's blind copies: shown to the account's users only, never in the mail's headers" })
  bcc!: MailAddressAnswer[];
  @ApiProperty({ enum: ['contact', 'participant', 'third-party'], nullable: true, description: 'who wrote an inbound message: the contact, someone else on the conversation (a Cc), or a third party a message was forwarded to; null for replies and notes' })
  party!: 'contact' | 'participant' | 'third-party' | null;
  @ApiProperty({ type: ForwardedAnswer, nullable: true, description: 'set on a forward: sent to `to`, a third party, quoting these messages' })
  forward!: ForwardedAnswer | null;
  @ApiProperty() subject!: string;
  @ApiProperty() text!: string;
  @ApiProperty({ description: 'the new text, without quoted history' }) replyText!: string;
  @ApiProperty({ type: String, nullable: true, description: 'sanitized' }) html!: string | null;
  @ApiProperty({ type: [AttachmentAnswer] }) attachments!: AttachmentAnswer[];
  @ApiProperty({ type: [OmittedAttachmentAnswer] }) omittedAttachments!: OmittedAttachmentAnswer[];
  @ApiProperty({ type: TruncatedBodiesAnswer, nullable: true, description: 'bodies of an inbound mail cut at intake; null when none' })
  truncated!: TruncatedBodiesAnswer | null;
  @ApiProperty({ format: 'date-time' }) sentAt!: string;
  @ApiProperty({ format: 'date-time', description: 'when it reached us (inbound) or was queued (outbound)' }) receivedAt!: string;
  @ApiProperty({ enum: ['queued', 'sent', 'failed'], nullable: true, description: 'outbound replies only' })
  deliveryStatus!: 'queued' | 'sent' | 'failed' | null;
  @ApiProperty({ type: String, nullable: true, description: "the relay's last refusal" }) deliveryError!: string | null;
  @ApiProperty() deliveryAttempts!: number;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) nextAttemptAt!: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time', description: "the end of a reply's undo window: the outbox takes it then" })
  sendsAt!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'the user who wrote a reply or a note' }) authorId!: string | null;
  @ApiProperty({ type: String, nullable: true }) internetMessageId!: string | null;
  @ApiProperty({ example: 'normal' }) kind!: string;
  @ApiProperty() receivedWhileDisabled!: boolean;
  @ApiProperty({ type: SenderAuthenticationAnswer, nullable: true, description: 'inbound mail: SPF, DKIM, DMARC and ARC at intake; null for mail taken in before sender verification, and for other messages' })
  authentication!: SenderAuthenticationAnswer | null;
}

/** What the reply composer shows: the from line and subject the contact gets, or why no reply can go out. */
export class ComposerAnswer {
  @ApiProperty() canReply!: boolean;
  @ApiProperty({ type: String, nullable: true }) reason!: string | null;
  @ApiProperty({ enum: ['email', 'chat'], description: "by email, or into a chat visitor's chat" }) via!: 'email' | 'chat';
  @ApiProperty({ type: String, nullable: true, description: 'for chats: where the reply will reach the visitor, in words' }) note!: string | null;
  @ApiProperty() from!: string;
  @ApiProperty({ type: String, nullable: true }) to!: string | null;
  @ApiProperty() subject!: string;
  @ApiProperty({ type: [String], description: 'the Cc a reply starts with: the others on the newest mail answered (removable); at most 10 recipients in all' })
  cc!: string[];
  @ApiProperty({ description: 'To, Cc and Bcc together may name at most this many people' }) maxRecipients!: number;
  @ApiProperty({ description: 'the email channel sends replies as plain text only: the text is sent as typed, without formatting' })
  plainTextOnly!: boolean;
  @ApiProperty({ type: [String], description: "the agent's and the channel's signatures an email reply gets below the text, rendered; empty when none" })
  signatures!: string[];
}

export class ConversationAnswer extends ConversationSummaryAnswer {
  @ApiProperty({ type: [String] }) participants!: string[];
  @ApiProperty({ type: [String] }) linkedConversationIds!: string[];
  @ApiProperty({
    enum: ['sender-not-participant', 'unverified-sender'],
    nullable: true,
    description:
      'why this conversation is linked to (not part of) the one it answered: the sender was no participant there, or named a participant but failed DMARC for a domain that enforces it; null when not linked that way',
  })
  linkReason!: 'sender-not-participant' | 'unverified-sender' | null;
  @ApiProperty({ type: [String], description: "the conversation's tags, by name" }) tags!: string[];
  @ApiProperty({ format: 'date-time' }) startedAt!: string;
  @ApiProperty({ type: [MessageAnswer] }) messages!: MessageAnswer[];
  @ApiProperty({ type: ComposerAnswer }) composer!: ComposerAnswer;
  @ApiProperty({ type: DraftAnswer, nullable: true, description: "the caller's own draft, to restore in the composer" }) draft!: DraftAnswer | null;
  @ApiProperty({ type: [DraftAuthorAnswer], description: 'colleagues with a draft here (names only, never their text)' }) colleaguesWithDrafts!: DraftAuthorAnswer[];
}

export class ReplyQueuedAnswer {
  @ApiProperty() messageId!: string;
  @ApiProperty({ enum: ['email', 'chat'], description: 'a chat whose visitor is online is answered in the chat' }) via!: 'email' | 'chat';
  @ApiProperty({ format: 'date-time', description: 'when the outbox takes an email reply (until then its author may undo it); when a chat line was posted' })
  sendsAt!: string;
}

export class RetryAnswer {
  @ApiProperty() messageId!: string;
  @ApiProperty({ enum: ['queued'] }) deliveryStatus!: 'queued';
}

export class AssigneeAnswer {
  @ApiProperty() userId!: string;
  @ApiProperty() name!: string;
}

export class AssigneeListAnswer {
  @ApiProperty({ type: [AssigneeAnswer], description: 'by name' }) items!: AssigneeAnswer[];
}
