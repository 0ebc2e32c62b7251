import { z } from 'zod';
import type { Event } from '../../../shared/domain/event-envelope';
import { Timestamp } from '../../../shared/domain/event-schema';
import type { ConversationContact } from './conversation.decider';
import { MailAttachment, MessageAddress } from './mail-types';
import { markerFor, plusAddress } from '../../../shared/domain/reply-address';

/** What the agent sends, with the from name and subject already rendered from the channel's templates. */
export interface ReplyDraft {
  messageId: string;
  authorId: string;
  fromName: string;
  subject: string;
  text: string;
  /** The text as the agent typed it, with its formatting marks (undo gives this back), when it is not `text`. */
  typed?: string;
  /** Sanitized HTML: what the agent wrote, or the text in the channel's frame; empty for a plain-text-only reply. */
  html: string;
  /** Copies beside the contact: in the Cc header. */
  cc?: readonly MessageAddress[];
  /** Blind copies: in the envelope only, never in a header. */
  bcc?: readonly MessageAddress[];
  /** Files in the blob store, sent as MIME parts (inline ones referenced by `cid:` in the HTML). */
  attachments?: readonly MailAttachment[];
  /** A forward: to this third party instead of the contact, quoting these messages of the conversation. */
  forward?: { to: MessageAddress; messageIds: readonly string[] };
  /** Where the quoted history begins in `text`; absent when the reply quotes nothing. */
  quoteStart?: number;
}

/**
 * A reply recorded before delivery. Everything the outbox needs to send it is fixed here (above all
 * the Message-ID), so a resend after a crash or a retry is the same message.
 */
export const ReplyQueuedData = z.object({
  conversationId: z.string().min(1),
  accountId: z.string().min(1),
  messageId: z.string().min(1),
  authorId: z.string().min(1),
  from: MessageAddress,
  to: MessageAddress,
  /** The forwarding address with the conversation's reply token: answers route back here. */
  replyTo: z.string().min(1),
  subject: z.string(),
  text: z.string(),
  /**
   * The text as the agent typed it, with its formatting marks, when the text part differs from it:
   * what undo gives back to the composer. Absent on replies queued before formatting existed.
   */
  typed: z.string().optional(),
  /** The HTML part; an empty string means the message has none (the channel sends plain text only). */
  html: z.string(),
  internetMessageId: z.string().min(1),
  inReplyTo: z.string().min(1).nullable(),
  references: z.array(z.string().min(1)),
  threadIndex: z.string().min(1),
  /** Put in the body for providers that rewrite Message-IDs. */
  marker: z.string().min(1),
  /** Copies beside the contact, in the Cc header. Absent on replies queued before Cc existed. */
  cc: z.array(MessageAddress).optional(),
  /** Blind copies: in the envelope only, never in a header of the message. */
  bcc: z.array(MessageAddress).optional(),
  /** Files sent as MIME parts, stored in the blob store before the reply was recorded. */
  attachments: z.array(MailAttachment).optional(),
  /**
   * Set on a forward: the message went to a third party (`to`), not the contact, quoting these
   * messages of the conversation. The outbox sends it like any reply.
   */
  forward: z.object({ messageIds: z.array(z.string().min(1)).max(100) }).optional(),
  /**
   * Where the quoted history (the message answered) begins in `text`: what comes before it is what
   * the agent wrote, which undo gives back. Absent when the reply quotes nothing, and on replies
   * queued before quoting existed.
   */
  quoteStart: z.number().int().nonnegative().optional(),
  queuedAt: Timestamp,
  /**
   * The end of the undo window (queuedAt plus the account's delay at send time): the outbox takes
   * the reply from then on, and its author may undo it until then. Absent when there is no delay
   * (and on replies queued before undo send existed): the reply goes out at once.
   */
  sendsAt: Timestamp.optional(),
});
export type ReplyQueued = Event<'ReplyQueued', z.infer<typeof ReplyQueuedData>>;

export interface ConversationFacts {
  conversationId: string;
  accountId: string;
  contact: ConversationContact;
  replyToken: string;
  internetMessageIds: string[];
  lastInboundMessageId: string | null;
  threadIndex: string | null;
  startedAt: string | null;
  sendingAddress: string;
  ownDomain: string;
  now: Date;
  /** How long the outbox waits before it takes the reply (the account's undo send delay); none when 0 or absent. */
  undoWindowMs?: number;
}

/** References grow with every message; clients keep the first and the newest ones (RFC 5322 §3.6.4). */
const MAX_REFERENCES = 20;

export function composeReply(draft: ReplyDraft, facts: ConversationFacts): ReplyQueued {
  const ids = facts.internetMessageIds;
  const references = ids.length > MAX_REFERENCES ? [ids[0], ...ids.slice(ids.length - MAX_REFERENCES + 1)] : [...ids];
  return {
    type: 'ReplyQueued',
    data: {
      conversationId: facts.conversationId,
      accountId: facts.accountId,
      messageId: draft.messageId,
      authorId: draft.authorId,
      from: { name: draft.fromName, address: facts.sendingAddress },
      to: draft.forward ? { ...draft.forward.to } : { name: facts.contact.name, address: facts.contact.email },
      replyTo: plusAddress(facts.sendingAddress, facts.replyToken),
      subject: draft.subject,
      text: draft.text,
      ...(draft.typed !== undefined && draft.typed !== draft.text ? { typed: draft.typed } : {}),
      html: draft.html,
      internetMessageId: `<r${draft.messageId.replace(/-/g, '')}@${facts.ownDomain}>`,
      // A forward starts a thread of its own with the third party: their answer names its Message-ID.
      inReplyTo: draft.forward ? null : facts.lastInboundMessageId,
      references: draft.forward ? [] : references,
      threadIndex: nextThreadIndex(facts.threadIndex, facts.conversationId, new Date(facts.startedAt ?? facts.now), facts.now),
      marker: markerFor(facts.replyToken),
      ...(draft.cc?.length ? { cc: [...draft.cc] } : {}),
      ...(draft.bcc?.length ? { bcc: [...draft.bcc] } : {}),
      ...(draft.attachments?.length ? { attachments: [...draft.attachments] } : {}),
      ...(draft.forward ? { forward: { messageIds: [...draft.forward.messageIds] } } : {}),
      ...(draft.quoteStart !== undefined ? { quoteStart: draft.quoteStart } : {}),
      queuedAt: facts.now.toISOString(),
      ...(facts.undoWindowMs ? { sendsAt: new Date(facts.now.getTime() + facts.undoWindowMs).toISOString() } : {}),
    },
  };
}

/** What the agent wrote of a queued reply: its text above the quoted history. */
export const ownTextOf = (reply: Pick<ReplyQueued['data'], 'text' | 'quoteStart'>): string =>
  reply.quoteStart === undefined ? reply.text : reply.text.slice(0, reply.quoteStart).trimEnd();

const FILETIME_EPOCH_OFFSET_MS = 11_644_473_600_000n;
const fileTime = (at: Date) => (BigInt(at.getTime()) + FILETIME_EPOCH_OFFSET_MS) * 10_000n;

/**
 * Outlook's Thread-Index (MS-OXOMSG 2.2.1.3): a 22-byte header (0x01, five bytes of FILETIME, a GUID)
 * and one 5-byte block per reply. Outlook threads by the header, so our replies extend the thread the
 * contact's Outlook started, or start one of our own named after the conversation.
 */
export function nextThreadIndex(current: string | null, conversationId: string, startedAt: Date, now: Date): string {
  const existing = current ? Buffer.from(current.replace(/\s+/g, ''), 'base64') : null;
  if (!existing || existing.length < 22 || (existing.length - 22) % 5 !== 0) {
    const header = Buffer.alloc(22);
    header[0] = 0x01;
    const time = fileTime(startedAt);
    for (let i = 0; i < 5; i++) header[1 + i] = Number((time >> BigInt(8 * (7 - i))) & 0xffn);
    Buffer.from(conversationId.replace(/-/g, '').padEnd(32, '0').slice(0, 32), 'hex').copy(header, 6);
    return header.toString('base64');
  }
  let headerTime = 0n;
  for (let i = 0; i < 5; i++) headerTime = (headerTime << 8n) | BigInt(existing[1 + i]);
  headerTime <<= 24n;
  const delta = fileTime(now) > headerTime ? fileTime(now) - headerTime : 0n;
  // Code 0 keeps bits 18..48 of the delta; code 1 (deltas over about 1.7 years) bits 23..53.
  const word = delta < 1n << 49n ? (delta >> 18n) & 0x7fffffffn : (1n << 31n) | ((delta >> 23n) & 0x7fffffffn);
  const block = Buffer.alloc(5);
  block.writeUInt32BE(Number(word), 0);
  block[4] = (existing.length - 22) / 5 + 1;
  return Buffer.concat([existing, block]).toString('base64');
}
