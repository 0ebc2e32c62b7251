import { Inject, Injectable } from '@nestjs/common';
import { READ_MODEL_DB } from '../../../shared/event-store/event-store.module';
import { prepared, type SqliteDatabase } from '../../../shared/sqlite/open-sqlite';
import type { SenderAuthentication } from '../domain/mail-types';

export interface ConversationSummary {
  id: string;
  subject: string;
  contact: { id: string; name: string; email: string };
  channel: 'email' | 'chat' | 'form';
  status: 'open' | 'closed';
  /** When a snoozed conversation comes back to Open; null when it is not snoozed. */
  snoozedUntil: string | null;
  assignee: string | null;
  lastMessageAt: string;
  preview: string;
}

export interface MessageRow {
  id: string;
  /** `note`: an internal note, which only the account's users ever see. */
  direction: 'inbound' | 'outbound' | 'note';
  internetMessageId: string | null;
  from: { name: string; address: string } | null;
  to: Array<{ name: string; address: string }>;
  cc: Array<{ name: string; address: string }>;
  subject: string;
  sentAt: string | null;
  receivedAt: string;
  kind: string;
  textHash: string | null;
  htmlHash: string | null;
  replyText: string;
  omitted: Array<{ filename: string | null; size: number; reason: string }>;
  /** Which of an inbound mail's bodies were cut at intake, or null. */
  truncated: { text?: true; html?: true } | null;
  receivedWhileDisabled: boolean;
  /** Sender verification of an inbound mail; null for mail from before it, and for everything else. */
  authentication: SenderAuthentication | null;
  /** An outbound reply's own HTML (inbound HTML lives in the blob store). */
  html: string | null;
  authorId: string | null;
  deliveryStatus: 'queued' | 'sent' | 'failed' | null;
  deliveryError: string | null;
  deliveryAttempts: number;
  nextAttemptAt: string | null;
  /** The end of a reply's undo window; null when it had none. */
  sendsAt: string | null;
  /** A reply's blind copies (only ever shown to the account's users). */
  bcc: Array<{ name: string; address: string }>;
  /** Set on a forward: the messages it quoted. */
  forward: { messageIds: string[] } | null;
  /** Where a reply's quoted history begins in its text; null when it quotes nothing. */
  quoteStart: number | null;
  attachments: Array<{ id: string; filename: string | null; contentType: string; size: number; contentId: string | null; inline: boolean }>;
}

export interface ConversationRow {
  id: string;
  subject: string;
  contact_id: string;
  contact_name: string;
  contact_email: string;
  channel: ConversationSummary['channel'];
  /** The inbox tab: `snoozed` is open to the API. */
  status: ConversationSummary['status'] | 'snoozed';
  snoozed_until: string | null;
  last_message_at: string;
  preview: string;
  participants: string;
  linked_to: string | null;
  link_reason: 'sender-not-participant' | 'unverified-sender' | null;
  assignee_id: string | null;
  started_at: string;
}

export const summary = (row: ConversationRow): ConversationSummary => ({
  id: row.id,
  subject: row.subject,
  contact: { id: row.contact_id, name: row.contact_name, email: row.contact_email },
  channel: row.channel,
  status: row.status === 'closed' ? 'closed' : 'open',
  snoozedUntil: row.snoozed_until,
  assignee: row.assignee_id,
  lastMessageAt: row.last_message_at,
  preview: row.preview,
});

@Injectable()
export class ConversationsQueries {
  constructor(@Inject(READ_MODEL_DB) private readonly db: SqliteDatabase) {}

  conversation(
    accountId: string,
    id: string,
  ): (ConversationSummary & { participants: string[]; linkedConversationIds: string[]; linkReason: ConversationRow['link_reason']; startedAt: string }) | null {
    const row = prepared(this.db, 'SELECT * FROM conversations WHERE account_id = ? AND id = ?').get(accountId, id) as ConversationRow | undefined;
    if (!row) return null;
    const linkedFrom = prepared(this.db, 'SELECT id FROM conversations WHERE account_id = ? AND linked_to = ?').pluck().all(accountId, id) as string[];
    return {
      ...summary(row),
      participants: JSON.parse(row.participants) as string[],
      startedAt: row.started_at,
      linkedConversationIds: [...(row.linked_to ? [row.linked_to] : []), ...linkedFrom],
      linkReason: row.linked_to ? row.link_reason : null,
    };
  }

  /**
   * The messages of a conversation in order. Internal notes, forwards and third parties' answers to
   * them only when asked for: whatever shows a conversation to its contact (a chat transcript, a
   * forward, quoted history) never gets them.
   */
  messages(conversationId: string, { withNotes = false, withForwards = withNotes }: { withNotes?: boolean; withForwards?: boolean } = {}): MessageRow[] {
    const all = this.allMessages(conversationId, withNotes);
    if (withForwards) return all;
    const thirdParties = new Set(all.flatMap((row) => (row.forward ? row.to.map((person) => person.address) : [])));
    return all.filter((row) => row.forward === null && !(row.direction === 'inbound' && thirdParties.has(row.from?.address ?? '')));
  }

  private allMessages(conversationId: string, withNotes: boolean): MessageRow[] {
    const rows = prepared(
      this.db,
      withNotes
        ? 'SELECT * FROM conversation_messages WHERE conversation_id = ? ORDER BY position'
        : `SELECT * FROM conversation_messages WHERE conversation_id = ? AND direction != 'note' ORDER BY position`,
    ).all(conversationId) as Array<Record<string, unknown>>;
    const attachments = prepared(this.db, 'SELECT * FROM message_attachments WHERE message_id = ? ORDER BY ordinal');
    return rows.map((r) => ({
      id: r.id as string,
      direction: r.direction as MessageRow['direction'],
      internetMessageId: r.internet_message_id as string | null,
      from: JSON.parse(r.sender as string) as MessageRow['from'],
      to: JSON.parse(r.recipients as string) as MessageRow['to'],
      cc: JSON.parse(r.cc as string) as MessageRow['cc'],
      subject: r.subject as string,
      sentAt: r.sent_at as string | null,
      receivedAt: r.received_at as string,
      kind: r.kind as string,
      textHash: r.text_hash as string | null,
      htmlHash: r.html_hash as string | null,
      replyText: r.reply_text as string,
      omitted: JSON.parse(r.omitted as string) as MessageRow['omitted'],
      truncated: r.truncated ? (JSON.parse(r.truncated as string) as MessageRow['truncated']) : null,
      receivedWhileDisabled: r.received_while_disabled === 1,
      authentication: r.authentication ? (JSON.parse(r.authentication as string) as SenderAuthentication) : null,
      html: r.body_html as string | null,
      authorId: r.author_id as string | null,
      deliveryStatus: r.delivery_status as MessageRow['deliveryStatus'],
      deliveryError: r.delivery_error as string | null,
      deliveryAttempts: r.delivery_attempts as number,
      nextAttemptAt: r.next_attempt_at as string | null,
      sendsAt: r.sends_at as string | null,
      bcc: r.bcc ? (JSON.parse(r.bcc as string) as MessageRow['bcc']) : [],
      forward: r.forward ? (JSON.parse(r.forward as string) as MessageRow['forward']) : null,
      quoteStart: (r.quote_start as number | null) ?? null,
      attachments: (attachments.all(r.id) as Array<Record<string, unknown>>).map((a) => ({
        id: a.id as string,
        filename: a.filename as string | null,
        contentType: a.content_type as string,
        size: a.size as number,
        contentId: a.content_id as string | null,
        inline: a.inline === 1,
      })),
    }));
  }

  /** The subject of the mail that began a conversation (as it came, maybe empty), or null when none did. */
  firstInboundSubject(conversationId: string): string | null {
    const subject = prepared(this.db, `SELECT subject FROM conversation_messages WHERE conversation_id = ? AND direction = 'inbound' ORDER BY position LIMIT 1`)
      .pluck()
      .get(conversationId) as string | undefined;
    return subject ?? null;
  }

  /**
   * The message a reply answers: the newest mail a person wrote into the conversation, or the form
   * submission that began it (never an auto-reply, a bounce or a chat line). Null when there is none.
   */
  answeredMessage(conversationId: string): { from: MessageRow['from']; sentAt: string | null; receivedAt: string; textHash: string | null; htmlHash: string | null; replyText: string } | null {
    const row = prepared(
      this.db,
      `SELECT sender, sent_at, received_at, text_hash, html_hash, reply_text FROM conversation_messages
       WHERE conversation_id = ? AND direction = 'inbound' AND kind IN ('mail', 'form') ORDER BY position DESC LIMIT 1`,
    ).get(conversationId) as { sender: string; sent_at: string | null; received_at: string; text_hash: string | null; html_hash: string | null; reply_text: string } | undefined;
    if (!row) return null;
    return {
      from: JSON.parse(row.sender) as MessageRow['from'],
      sentAt: row.sent_at,
      receivedAt: row.received_at,
      textHash: row.text_hash,
      htmlHash: row.html_hash,
      replyText: row.reply_text,
    };
  }

  /** The user's own draft of a reply in the conversation (text and all), or null. */
  draft(accountId: string, conversationId: string, userId: string): { text: string; subject: string | null; savedAt: string } | null {
    const row = prepared(this.db, 'SELECT text, subject, saved_at FROM drafts WHERE account_id = ? AND conversation_id = ? AND user_id = ?').get(accountId, conversationId, userId) as
      | { text: string; subject: string | null; saved_at: string }
      | undefined;
    return row ? { text: row.text, subject: row.subject, savedAt: row.saved_at } : null;
  }

  /** Who else has a draft in the conversation: their ids only, never what they wrote. */
  draftAuthors(accountId: string, conversationId: string, exceptUserId: string): string[] {
    return prepared(this.db, 'SELECT user_id FROM drafts WHERE account_id = ? AND conversation_id = ? AND user_id <> ? ORDER BY saved_at').pluck().all(accountId, conversationId, exceptUserId) as string[];
  }

  /** When the next reply or mail to a user falls due after `now`, or null when none waits. */
  nextReplyDueAt(now: Date): string | null {
    const at = now.toISOString();
    return (
      (prepared(
        this.db,
        `SELECT min(due) FROM (SELECT min(next_attempt_at) AS due FROM conversation_messages WHERE next_attempt_at > ?
         UNION ALL SELECT min(next_attempt_at) FROM user_mail WHERE next_attempt_at > ?)`,
      )
        .pluck()
        .get(at, at) as string | null) ?? null
    );
  }

  /** Mail to the product's own people that the outbox should try now, oldest first (see dueReplies). */
  dueUserMail(now: Date, limit: number): Array<{ messageId: string; accountId: string }> {
    return prepared(
      this.db,
      'SELECT mail_id AS messageId, account_id AS accountId FROM user_mail WHERE next_attempt_at IS NOT NULL AND next_attempt_at <= ? ORDER BY next_attempt_at LIMIT ?',
    ).all(now.toISOString(), limit) as Array<{ messageId: string; accountId: string }>;
  }

  /** Where a mail to one of our people stands: queued, sending, waiting (to try again), sent or failed; null when unknown. */
  userMailStatus(mailId: string): { status: string; attempts: number; error: string | null } | null {
    return (prepared(this.db, 'SELECT status, attempts, error FROM user_mail WHERE mail_id = ?').get(mailId) as
      | { status: string; attempts: number; error: string | null }
      | undefined) ?? null;
  }

  /** One message of a conversation of the account, or null. */
  message(accountId: string, conversationId: string, messageId: string): { id: string; direction: MessageRow['direction'] } | null {
    const row = prepared(this.db, 'SELECT id, direction FROM conversation_messages WHERE account_id = ? AND conversation_id = ? AND id = ?')
      .get(accountId, conversationId, messageId) as { id: string; direction: MessageRow['direction'] } | undefined;
    return row ?? null;
  }

  /** Replies the outbox should try now (queued and due, or claimed by a worker whose claim ran out), oldest first. */
  dueReplies(now: Date, limit: number): Array<{ messageId: string; conversationId: string; accountId: string }> {
    return prepared(
      this.db,
      `SELECT id AS messageId, conversation_id AS conversationId, account_id AS accountId FROM conversation_messages
       WHERE next_attempt_at IS NOT NULL AND next_attempt_at <= ? ORDER BY next_attempt_at LIMIT ?`,
    ).all(now.toISOString(), limit) as Array<{ messageId: string; conversationId: string; accountId: string }>;
  }

  /** Snoozed conversations whose time has come by `now`, the longest due first. */
  dueSnoozes(now: Date, limit: number): Array<{ conversationId: string; accountId: string }> {
    return prepared(
      this.db,
      `SELECT id AS conversationId, account_id AS accountId FROM conversations
       WHERE snoozed_until IS NOT NULL AND snoozed_until <= ? ORDER BY snoozed_until LIMIT ?`,
    ).all(now.toISOString(), limit) as Array<{ conversationId: string; accountId: string }>;
  }

  /** When the next snoozed conversation wakes, or null when none is snoozed. */
  nextSnoozeDue(): Date | null {
    const at = prepared(this.db, 'SELECT min(snoozed_until) FROM conversations WHERE snoozed_until IS NOT NULL').pluck().get() as string | null;
    return at ? new Date(at) : null;
  }

  attachment(accountId: string, id: string): { hash: string; filename: string | null; contentType: string } | null {
    const row = prepared(this.db, 'SELECT hash, filename, content_type FROM message_attachments WHERE account_id = ? AND id = ?').get(accountId, id) as
      | { hash: string; filename: string | null; content_type: string }
      | undefined;
    return row ? { hash: row.hash, filename: row.filename, contentType: row.content_type } : null;
  }
}
