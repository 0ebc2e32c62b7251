import { Injectable } from '@nestjs/common';
import type { RecordedEvent } from '../../../shared/event-store/event-store.port';
import type { Projection } from '../../../shared/projections/projection';
import { RegisterProjection } from '../../../shared/projections/subscription.decorators';
import { prepared, type SqliteDatabase } from '../../../shared/sqlite/open-sqlite';
import type { ConversationEvent } from '../domain/conversation.decider';

/**
 * A document's rowid packs where it belongs: account (19 bits), conversation within the account
 * (28 bits), document within the conversation (16 bits). So a search finds the conversation of a hit
 * without a lookup (`rowid >> 16`), and confines itself to one account or one conversation with a
 * rowid range, which FTS5 seeks to instead of filtering afterwards.
 */
export const DOCUMENT_BITS = 16n;
export const CONVERSATION_BITS = 28n;
const MAX_DOCUMENTS = 1 << Number(DOCUMENT_BITS);

/** What reaches us of outbound replies (another slice adds them); only the searchable part. */
interface ReplyQueued {
  type: 'ReplyQueued';
  data: { conversationId: string; accountId: string; subject?: string; text?: string };
}

/**
 * Full-text search over conversations: one FTS5 document for the conversation itself (subject,
 * contact name and address) and one per message (its subject and the new text it brought, not the
 * quoted history). Only rowids are kept (detail=none): queries are single terms joined by AND.
 */
@Injectable()
@RegisterProjection()
export class ConversationSearchProjection implements Projection {
  readonly name = 'conversation-search';
  readonly version = 1;

  setUp(db: SqliteDatabase): void {
    db.exec(`
      CREATE TABLE IF NOT EXISTS search_accounts (
        seq INTEGER PRIMARY KEY, account_id TEXT NOT NULL UNIQUE, conversations INTEGER NOT NULL
      ) STRICT;
      CREATE TABLE IF NOT EXISTS search_conversations (
        key INTEGER PRIMARY KEY, conversation_id TEXT NOT NULL UNIQUE, documents INTEGER NOT NULL
      ) STRICT;
      CREATE VIRTUAL TABLE IF NOT EXISTS search_documents USING fts5(
        body, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3', detail = none
      );
    `);
  }

  tearDown(db: SqliteDatabase): void {
    db.exec('DROP TABLE IF EXISTS search_accounts; DROP TABLE IF EXISTS search_conversations; DROP TABLE IF EXISTS search_documents;');
  }

  apply(recorded: RecordedEvent, db: SqliteDatabase): void {
    const event = { type: recorded.type, data: recorded.data } as ConversationEvent | ReplyQueued;
    switch (event.type) {
      case 'ConversationStarted': {
        const d = event.data;
        const key = this.allocate(db, d.accountId, d.conversationId);
        if (key !== null) this.index(db, key, [d.subject, d.contact.name, d.contact.email]);
        return;
      }
      case 'MessageReceived':
        return this.add(db, event.data.conversationId, [event.data.message.subject, event.data.message.replyText]);
      case 'ReplyQueued':
        return this.add(db, event.data.conversationId, [event.data.subject ?? '', event.data.text ?? '']);
      default:
        return;
    }
  }

  /** The conversation's key (its document 0), or null when it is already known. */
  private allocate(db: SqliteDatabase, accountId: string, conversationId: string): bigint | null {
    if (prepared(db, 'SELECT 1 FROM search_conversations WHERE conversation_id = ?').get(conversationId)) return null;
    prepared(db, 'INSERT OR IGNORE INTO search_accounts (account_id, conversations) VALUES (?, 0)').run(accountId);
    const account = prepared(db, 'UPDATE search_accounts SET conversations = conversations + 1 WHERE account_id = ? RETURNING seq, conversations')
      .safeIntegers()
      .get(accountId) as { seq: bigint; conversations: bigint };
    const key = (account.seq << (CONVERSATION_BITS + DOCUMENT_BITS)) | (account.conversations << DOCUMENT_BITS);
    prepared(db, 'INSERT INTO search_conversations VALUES (?, ?, 1)').run(key, conversationId);
    return key;
  }

  private add(db: SqliteDatabase, conversationId: string, texts: string[]): void {
    const row = prepared(db, 'UPDATE search_conversations SET documents = documents + 1 WHERE conversation_id = ? RETURNING key, documents')
      .safeIntegers()
      .get(conversationId) as { key: bigint; documents: bigint } | undefined;
    // A conversation of 65,536 messages stops growing its index rather than spill into the next one's range.
    if (!row || row.documents > MAX_DOCUMENTS) return;
    this.index(db, row.key + row.documents - 1n, texts);
  }

  private index(db: SqliteDatabase, rowid: bigint, texts: string[]): void {
    prepared(db, 'INSERT INTO search_documents (rowid, body) VALUES (?, ?)').run(rowid, texts.filter(Boolean).join('\n'));
  }
}
