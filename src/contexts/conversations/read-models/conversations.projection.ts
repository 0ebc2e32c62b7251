import { Injectable } from '@nestjs/common';
import type { RecordedEvent } from '../../../shared/event-store/event-store.port';
import type { Projection } from '../../../shared/projections/projection';
import { RegisterProjection } from '../../../shared/projections/subscription.decorators';
import { prepared, type SqliteDatabase } from '../../../shared/sqlite/open-sqlite';
import type { ConversationEvent } from '../domain/conversation.decider';
import { threadIndexRoot } from '../domain/threading';

const PREVIEW_LENGTH = 160;

/** Conversations and their messages as the inbox and the thread show them, plus the lookups threading needs. */
@Injectable()
@RegisterProjection()
export class ConversationsProjection implements Projection {
  readonly name = 'conversations';
  readonly version = 2;

  setUp(db: SqliteDatabase): void {
    db.exec(`
      CREATE TABLE IF NOT EXISTS conversations (
        id TEXT PRIMARY KEY, account_id TEXT NOT NULL, channel TEXT NOT NULL, subject TEXT NOT NULL, status TEXT NOT NULL,
        contact_id TEXT NOT NULL, contact_email TEXT NOT NULL, contact_name TEXT NOT NULL, participants TEXT NOT NULL,
        reply_token TEXT NOT NULL, linked_to TEXT, started_at TEXT NOT NULL, last_message_at TEXT NOT NULL,
        preview TEXT NOT NULL, message_count INTEGER NOT NULL, assignee_id TEXT
      ) STRICT;
      CREATE INDEX IF NOT EXISTS conversations_by_activity ON conversations (account_id, last_message_at DESC, id);
      CREATE INDEX IF NOT EXISTS conversations_by_status ON conversations (account_id, status, last_message_at DESC, id);
      CREATE UNIQUE INDEX IF NOT EXISTS conversations_by_token ON conversations (account_id, reply_token);
      CREATE INDEX IF NOT EXISTS conversations_by_contact ON conversations (account_id, contact_id);
      CREATE INDEX IF NOT EXISTS conversations_by_link ON conversations (account_id, linked_to) WHERE linked_to IS NOT NULL;
      CREATE TABLE IF NOT EXISTS conversation_messages (
        id TEXT PRIMARY KEY, conversation_id TEXT NOT NULL, account_id TEXT NOT NULL, direction TEXT NOT NULL,
        internet_message_id TEXT, sender TEXT, recipients TEXT NOT NULL, cc TEXT NOT NULL, subject TEXT NOT NULL,
        sent_at TEXT, received_at TEXT NOT NULL, kind TEXT NOT NULL, text_hash TEXT, html_hash TEXT, reply_text TEXT NOT NULL,
        omitted TEXT NOT NULL, received_while_disabled INTEGER NOT NULL, position INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX IF NOT EXISTS messages_by_conversation ON conversation_messages (conversation_id, position);
      CREATE TABLE IF NOT EXISTS message_index (
        account_id TEXT NOT NULL, internet_message_id TEXT NOT NULL, conversation_id TEXT NOT NULL,
        PRIMARY KEY (account_id, internet_message_id)
      ) STRICT;
      CREATE TABLE IF NOT EXISTS message_attachments (
        id TEXT PRIMARY KEY, account_id TEXT NOT NULL, message_id TEXT NOT NULL, hash TEXT NOT NULL, filename TEXT,
        content_type TEXT NOT NULL, size INTEGER NOT NULL, content_id TEXT, inline INTEGER NOT NULL, ordinal INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX IF NOT EXISTS attachments_by_message ON message_attachments (message_id, ordinal);
    `);
  }

  tearDown(db: SqliteDatabase): void {
    db.exec(`DROP TABLE IF EXISTS conversations; DROP TABLE IF EXISTS conversation_messages;
      DROP TABLE IF EXISTS message_index; DROP TABLE IF EXISTS message_attachments;`);
  }

  apply(recorded: RecordedEvent, db: SqliteDatabase): void {
    const event = { type: recorded.type, data: recorded.data } as ConversationEvent;
    switch (event.type) {
      case 'ConversationStarted': {
        const d = event.data;
        prepared(db, `INSERT OR IGNORE INTO conversations VALUES (?, ?, ?, ?, 'open', ?, ?, ?, ?, ?, ?, ?, ?, '', 0, NULL)`).run(
          d.conversationId, d.accountId, d.channel, d.subject || '(no subject)', d.contact.id, d.contact.email, d.contact.name,
          JSON.stringify(d.participants), d.replyToken, d.linkedTo, d.startedAt, d.startedAt,
        );
        return;
      }
      case 'MessageReceived': {
        const { conversationId, accountId, message: m, newParticipants } = event.data;
        prepared(db, `INSERT OR IGNORE INTO conversation_messages VALUES (?, ?, ?, 'inbound', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(
          m.messageId, conversationId, accountId, m.internetMessageId, JSON.stringify(m.from), JSON.stringify(m.to), JSON.stringify(m.cc),
          m.subject, m.sentAt, m.receivedAt, m.kind, m.text?.hash ?? null, m.html?.hash ?? null, m.replyText, JSON.stringify(m.omitted),
          m.receivedWhileDisabled ? 1 : 0, Number(recorded.position),
        );
        if (m.internetMessageId) {
          prepared(db, 'INSERT OR IGNORE INTO message_index VALUES (?, ?, ?)').run(accountId, m.internetMessageId, conversationId);
        }
        const root = threadIndexRoot(m.threadIndex);
        if (root) prepared(db, 'INSERT OR IGNORE INTO message_index VALUES (?, ?, ?)').run(accountId, `thread-index:${root}`, conversationId);
        m.attachments.forEach((a, ordinal) =>
          prepared(db, 'INSERT OR IGNORE INTO message_attachments VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').run(
            `${m.messageId}.${ordinal}`, accountId, m.messageId, a.hash, a.filename, a.contentType, a.size, a.contentId, a.inline ? 1 : 0, ordinal,
          ),
        );
        const participants = prepared(db, 'SELECT participants FROM conversations WHERE id = ?').pluck().get(conversationId) as string | undefined;
        const merged = [...new Set([...(participants ? (JSON.parse(participants) as string[]) : []), ...newParticipants])];
        prepared(db, 
          `UPDATE conversations SET last_message_at = max(last_message_at, ?), preview = ?, message_count = message_count + 1, participants = ?
           WHERE id = ?`,
        ).run(m.receivedAt, m.replyText.replace(/\s+/g, ' ').trim().slice(0, PREVIEW_LENGTH), JSON.stringify(merged), conversationId);
        return;
      }
      case 'ConversationReopened':
      case 'ConversationClosed':
        prepared(db, 'UPDATE conversations SET status = ? WHERE id = ?').run(event.type === 'ConversationClosed' ? 'closed' : 'open', event.data.conversationId);
        return;
      case 'ConversationAssigned':
        prepared(db, 'UPDATE conversations SET assignee_id = ? WHERE id = ?').run(event.data.assigneeId, event.data.conversationId);
        return;
      default:
        return;
    }
  }
}
