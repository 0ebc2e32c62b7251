import type { RecordedEvent } from '../../../shared/event-store/event-store.port';
import type { Projection } from '../../../shared/projections/projection';
import { prepared, type SqliteDatabase } from '../../../shared/sqlite/open-sqlite';
import type { ConversationEvent } from '../domain/conversation.decider';
import type { ReplyDeliveryEvent } from '../domain/reply-delivery.decider';
import { mergeParticipants, participantsAddedBy } from '../domain/participants';
import type { SnoozeEvent } from '../domain/snooze';
import { ownTextOf } from '../domain/outgoing-reply';

const PREVIEW_LENGTH = 160;

/**
 * Conversations and their messages as the inbox and the thread show them. `status` holds the inbox
 * tab: `snoozed` is an open conversation out of Open until `snoozed_until` (the API still calls it
 * open), so each tab is one range of `conversations_by_status`.
 */
export class ConversationsProjection implements Projection {
  readonly name = 'conversations';
  readonly version = 8;

  setUp(db: SqliteDatabase): void {
    db.exec(`
      CREATE TABLE IF NOT EXISTS conversations (
        id TEXT PRIMARY KEY, account_id TEXT NOT NULL, channel TEXT NOT NULL, subject TEXT NOT NULL, status TEXT NOT NULL,
        contact_id TEXT NOT NULL, contact_email TEXT NOT NULL, contact_name TEXT NOT NULL, participants TEXT NOT NULL,
        linked_to TEXT, started_at TEXT NOT NULL, last_message_at TEXT NOT NULL,
        preview TEXT NOT NULL, message_count INTEGER NOT NULL, assignee_id TEXT, snoozed_until TEXT, link_reason TEXT
      ) STRICT;
      CREATE INDEX IF NOT EXISTS conversations_by_activity ON conversations (account_id, last_message_at DESC, id);
      CREATE INDEX IF NOT EXISTS conversations_by_status ON conversations (account_id, status, last_message_at DESC, id);
      CREATE INDEX IF NOT EXISTS snoozes_due ON conversations (snoozed_until) WHERE snoozed_until IS NOT NULL;
      CREATE INDEX IF NOT EXISTS conversations_by_link ON conversations (account_id, linked_to) WHERE linked_to IS NOT NULL;
      CREATE TABLE IF NOT EXISTS conversation_messages (
        id TEXT PRIMARY KEY, conversation_id TEXT NOT NULL, account_id TEXT NOT NULL, direction TEXT NOT NULL,
        internet_message_id TEXT, sender TEXT, recipients TEXT NOT NULL, cc TEXT NOT NULL, subject TEXT NOT NULL,
        sent_at TEXT, received_at TEXT NOT NULL, kind TEXT NOT NULL, text_hash TEXT, html_hash TEXT, reply_text TEXT NOT NULL,
        omitted TEXT NOT NULL, received_while_disabled INTEGER NOT NULL, position INTEGER NOT NULL,
        body_html TEXT, author_id TEXT, delivery_status TEXT, delivery_error TEXT, delivery_attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_at TEXT, truncated TEXT, sends_at TEXT, authentication TEXT, bcc TEXT, forward TEXT, quote_start INTEGER
      ) STRICT;
      CREATE INDEX IF NOT EXISTS messages_by_conversation ON conversation_messages (conversation_id, position);
      CREATE INDEX IF NOT EXISTS replies_due ON conversation_messages (next_attempt_at) WHERE next_attempt_at IS NOT NULL;
      CREATE TABLE IF NOT EXISTS message_attachments (
        id TEXT PRIMARY KEY, account_id TEXT NOT NULL, message_id TEXT NOT NULL, hash TEXT NOT NULL, filename TEXT,
        content_type TEXT NOT NULL, size INTEGER NOT NULL, content_id TEXT, inline INTEGER NOT NULL, ordinal INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX IF NOT EXISTS attachments_by_message ON message_attachments (message_id, ordinal);
    `);
  }

  tearDown(db: SqliteDatabase): void {
    // message_index: the lookups threading made here before it kept its own directory.
    db.exec(`DROP TABLE IF EXISTS conversations; DROP TABLE IF EXISTS conversation_messages;
      DROP TABLE IF EXISTS message_index; DROP TABLE IF EXISTS message_attachments;`);
  }

  apply(recorded: RecordedEvent, db: SqliteDatabase): void {
    const event = { type: recorded.type, data: recorded.data } as ConversationEvent | ReplyDeliveryEvent | SnoozeEvent;
    switch (event.type) {
      case 'ConversationStarted': {
        const d = event.data;
        prepared(db, `INSERT OR IGNORE INTO conversations VALUES (?, ?, ?, ?, 'open', ?, ?, ?, ?, ?, ?, ?, '', 0, NULL, NULL, ?)`).run(
          d.conversationId, d.accountId, d.channel, d.subject || '(no subject)', d.contact.id, d.contact.email, d.contact.name,
          JSON.stringify(d.participants), d.linkedTo, d.startedAt, d.startedAt, d.linkReason ?? null,
        );
        return;
      }
      case 'MessageReceived': {
        const { conversationId, accountId, message: m } = event.data;
        prepared(db, `INSERT OR IGNORE INTO conversation_messages (${MESSAGE_COLUMNS}, truncated, authentication) VALUES (?, ?, ?, 'inbound', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(
          m.messageId, conversationId, accountId, m.internetMessageId, JSON.stringify(m.from), JSON.stringify(m.to), JSON.stringify(m.cc),
          m.subject, m.sentAt, m.receivedAt, m.kind, m.text?.hash ?? null, m.html?.hash ?? null, m.replyText, JSON.stringify(m.omitted),
          m.receivedWhileDisabled ? 1 : 0, Number(recorded.position), m.truncated ? JSON.stringify(m.truncated) : null,
          m.authentication ? JSON.stringify(m.authentication) : null,
        );
        m.attachments.forEach((a, ordinal) =>
          prepared(db, 'INSERT OR IGNORE INTO message_attachments VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').run(
            `${m.messageId}.${ordinal}`, accountId, m.messageId, a.hash, a.filename, a.contentType, a.size, a.contentId, a.inline ? 1 : 0, ordinal,
          ),
        );
        prepared(db, 'UPDATE conversations SET participants = ? WHERE id = ?').run(JSON.stringify(participantsAfter(db, conversationId, event)), conversationId);
        recordActivity(db, conversationId, m.receivedAt, m.replyText);
        return;
      }
      case 'ReplyQueued': {
        const r = event.data;
        prepared(
          db,
          `INSERT OR IGNORE INTO conversation_messages (${MESSAGE_COLUMNS}, body_html, author_id, delivery_status, next_attempt_at, sends_at, bcc, forward)
           VALUES (?, ?, ?, 'outbound', ?, ?, ?, ?, ?, ?, ?, 'mail', NULL, NULL, ?, '[]', 0, ?, ?, ?, 'queued', ?, ?, ?, ?)`,
        ).run(
          r.messageId, r.conversationId, r.accountId, r.internetMessageId, JSON.stringify(r.from), JSON.stringify([r.to]), JSON.stringify(r.cc ?? []), r.subject,
          r.queuedAt, r.queuedAt, r.text, Number(recorded.position), r.html, r.authorId, r.sendsAt ?? r.queuedAt, r.sendsAt ?? null,
          JSON.stringify(r.bcc ?? []), r.forward ? JSON.stringify(r.forward) : null,
        );
        r.attachments?.forEach((a, ordinal) =>
          prepared(db, 'INSERT OR IGNORE INTO message_attachments VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').run(
            `${r.messageId}.${ordinal}`, r.accountId, r.messageId, a.hash, a.filename, a.contentType, a.size, a.contentId, a.inline ? 1 : 0, ordinal,
          ),
        );
        prepared(db, 'UPDATE conversations SET participants = ? WHERE id = ?').run(JSON.stringify(participantsAfter(db, r.conversationId, event)), r.conversationId);
        // Where the quoted history begins, so the thread can fold it as it folds quotes in mail.
        if (r.quoteStart !== undefined) prepared(db, 'UPDATE conversation_messages SET quote_start = ? WHERE id = ?').run(r.quoteStart, r.messageId);
        recordActivity(db, r.conversationId, r.queuedAt, ownTextOf(r));
        return;
      }
      case 'ChatMessageReceived': {
        const d = event.data;
        insertChatLine(db, recorded, { ...d, direction: 'inbound', author: d.visitorName, authorId: null, at: d.receivedAt });
        return;
      }
      case 'ChatReplyPosted': {
        const d = event.data;
        insertChatLine(db, recorded, { ...d, direction: 'outbound', author: d.authorName, authorId: d.authorId, at: d.postedAt });
        return;
      }
      case 'NoteAdded': {
        const n = event.data;
        prepared(
          db,
          `INSERT OR IGNORE INTO conversation_messages (${MESSAGE_COLUMNS}, author_id)
           VALUES (?, ?, ?, 'note', NULL, ?, '[]', '[]', '', ?, ?, 'note', NULL, NULL, ?, '[]', 0, ?, ?)`,
        ).run(n.noteId, n.conversationId, n.accountId, JSON.stringify({ name: n.authorName, address: '' }), n.addedAt, n.addedAt, n.text, Number(recorded.position), n.authorId);
        // Activity in the thread, but the preview stays what the contact and the team said to each other.
        prepared(db, 'UPDATE conversations SET last_message_at = max(last_message_at, ?), message_count = message_count + 1 WHERE id = ?').run(n.addedAt, n.conversationId);
        return;
      }
      case 'ChatVisitorIdentified': {
        const { contact, conversationId } = event.data;
        prepared(db, 'UPDATE conversations SET contact_id = ?, contact_email = ?, contact_name = ?, participants = ? WHERE id = ?').run(
          contact.id, contact.email, contact.name, JSON.stringify(participantsAfter(db, conversationId, event)), conversationId,
        );
        return;
      }
      case 'ReplyDeliveryStarted':
        // Due again when the claim runs out: a worker that died mid-send leaves it to the next.
        prepared(db, 'UPDATE conversation_messages SET next_attempt_at = ?, delivery_attempts = ? WHERE id = ?').run(event.data.leaseUntil, event.data.attempt, event.data.messageId);
        return;
      case 'ReplyDelivered':
        prepared(db, `UPDATE conversation_messages SET delivery_status = 'sent', delivery_error = NULL, next_attempt_at = NULL, sent_at = ? WHERE id = ?`).run(
          event.data.deliveredAt, event.data.messageId,
        );
        return;
      case 'ReplyDeliveryFailed': {
        const { nextAttemptAt, error, messageId } = event.data;
        prepared(db, 'UPDATE conversation_messages SET delivery_status = ?, delivery_error = ?, next_attempt_at = ? WHERE id = ?').run(
          nextAttemptAt ? 'queued' : 'failed', error, nextAttemptAt, messageId,
        );
        return;
      }
      case 'ReplyRetryRequested':
        prepared(db, `UPDATE conversation_messages SET delivery_status = 'queued', next_attempt_at = ? WHERE id = ?`).run(event.data.requestedAt, event.data.messageId);
        return;
      case 'ReplyUndone':
        // An undone reply was never sent: it leaves the thread, and the inbox shows what came before it.
        prepared(db, 'DELETE FROM message_attachments WHERE message_id = ?').run(event.data.messageId);
        if (prepared(db, 'DELETE FROM conversation_messages WHERE id = ?').run(event.data.messageId).changes > 0 && event.data.conversationId) {
          forgetActivity(db, event.data.conversationId);
        }
        return;
      case 'ConversationReopened':
      case 'ConversationClosed':
        // Closing ends a snooze.
        prepared(db, 'UPDATE conversations SET status = ?, snoozed_until = NULL WHERE id = ?').run(event.type === 'ConversationClosed' ? 'closed' : 'open', event.data.conversationId);
        return;
      case 'ConversationSnoozed':
        prepared(db, `UPDATE conversations SET status = 'snoozed', snoozed_until = ? WHERE id = ?`).run(event.data.until, event.data.conversationId);
        return;
      case 'ConversationWoke':
        prepared(db, `UPDATE conversations SET status = 'open', snoozed_until = NULL WHERE id = ? AND status = 'snoozed'`).run(event.data.conversationId);
        return;
      case 'ConversationAssigned':
        prepared(db, 'UPDATE conversations SET assignee_id = ? WHERE id = ?').run(event.data.assigneeId, event.data.conversationId);
        return;
      default:
        return;
    }
  }
}

const MESSAGE_COLUMNS = `id, conversation_id, account_id, direction, internet_message_id, sender, recipients, cc, subject, sent_at, received_at,
  kind, text_hash, html_hash, reply_text, omitted, received_while_disabled, position`;

/** The conversation's participants once `event` has added its own. */
function participantsAfter(db: SqliteDatabase, conversationId: string, event: ConversationEvent): string[] {
  const stored = prepared(db, 'SELECT participants FROM conversations WHERE id = ?').pluck().get(conversationId) as string | undefined;
  return mergeParticipants(stored ? (JSON.parse(stored) as string[]) : [], participantsAddedBy(event));
}

function recordActivity(db: SqliteDatabase, conversationId: string, at: string, text: string): void {
  prepared(db, 'UPDATE conversations SET last_message_at = max(last_message_at, ?), preview = ?, message_count = message_count + 1 WHERE id = ?').run(
    at, text.replace(/\s+/g, ' ').trim().slice(0, PREVIEW_LENGTH), conversationId,
  );
}

/** After a message left the conversation: its count, preview and newest activity from the messages that remain. */
function forgetActivity(db: SqliteDatabase, conversationId: string): void {
  const newest = prepared(db, 'SELECT received_at, reply_text FROM conversation_messages WHERE conversation_id = ? ORDER BY position DESC LIMIT 1').get(conversationId) as
    | { received_at: string; reply_text: string }
    | undefined;
  prepared(
    db,
    `UPDATE conversations SET message_count = max(message_count - 1, 0), preview = ?, last_message_at = coalesce(?, started_at) WHERE id = ?`,
  ).run((newest?.reply_text ?? '').replace(/\s+/g, ' ').trim().slice(0, PREVIEW_LENGTH), newest?.received_at ?? null, conversationId);
}

/** A line of a chat, from the visitor or an agent: no mail headers, its text kept in the row. */
function insertChatLine(
  db: SqliteDatabase,
  recorded: RecordedEvent,
  line: { messageId: string; conversationId: string; accountId: string; direction: 'inbound' | 'outbound'; author: string; authorId: string | null; text: string; at: string },
): void {
  prepared(
    db,
    `INSERT OR IGNORE INTO conversation_messages (${MESSAGE_COLUMNS}, author_id)
     VALUES (?, ?, ?, ?, NULL, ?, '[]', '[]', '', ?, ?, 'chat', NULL, NULL, ?, '[]', 0, ?, ?)`,
  ).run(
    line.messageId, line.conversationId, line.accountId, line.direction, JSON.stringify({ name: line.author, address: '' }), line.at, line.at, line.text,
    Number(recorded.position), line.authorId,
  );
  recordActivity(db, line.conversationId, line.at, line.text);
}
