import type { RecordedEvent } from '../../../shared/event-store/event-store.port';
import type { Projection } from '../../../shared/projections/projection';
import { prepared, type SqliteDatabase } from '../../../shared/sqlite/open-sqlite';
import type { ConversationEvent } from '../domain/conversation.decider';
import { ownTextOf } from '../domain/outgoing-reply';

/**
 * A document's rowid packs where it belongs: account (19 bits), conversation within the account
 * (28 bits), document within the conversation (16 bits). So a search finds the conversation of a hit
 * without a lookup (`rowid >> 16`), and confines itself to one account or one conversation with a
 * rowid range, which FTS5 seeks to instead of filtering afterwards.
 */
export const DOCUMENT_BITS = 16n;
/**
 * Prefix queries seek like plain terms only up to the longest indexed prefix; past it FTS5 merges the
 * doclists of every matching term on each query. Searches cut longer words to this many characters.
 */
export const LONGEST_INDEXED_PREFIX = 8;
export const CONVERSATION_BITS = 28n;
const MAX_DOCUMENTS = 1n << DOCUMENT_BITS;

/**
 * Full-text search over conversations: one FTS5 document for the conversation itself (subject,
 * contact name and address) and one per message (its subject and the new text it brought, not the
 * quoted history). Only the index is kept, no copy of the text (content=''), and of each hit only its
 * rowid (detail=none): queries are single prefix terms joined by AND, and documents are never changed.
 */
export class ConversationSearchProjection implements Projection {
  readonly name = 'conversation-search';
  readonly version = 3;

  setUp(db: SqliteDatabase): void {
    db.exec(`
      CREATE TABLE IF NOT EXISTS search_accounts (
        seq INTEGER PRIMARY KEY, account_id TEXT NOT NULL UNIQUE, conversations INTEGER NOT NULL
      ) STRICT;
      CREATE TABLE IF NOT EXISTS search_conversations (
        key INTEGER PRIMARY KEY, conversation_id TEXT NOT NULL UNIQUE, documents INTEGER NOT NULL
      ) STRICT;
      CREATE VIRTUAL TABLE IF NOT EXISTS search_documents USING fts5(
        body, tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3 4 5 6 7 8', detail = none, content = '', columnsize = 0
      );
    `);
  }

  tearDown(db: SqliteDatabase): void {
    db.exec('DROP TABLE IF EXISTS search_accounts; DROP TABLE IF EXISTS search_conversations; DROP TABLE IF EXISTS search_documents;');
  }

  apply(recorded: RecordedEvent, db: SqliteDatabase): void {
    const event = { type: recorded.type, data: recorded.data } as ConversationEvent;
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
        // What the agent wrote: the history it quotes is indexed with the messages it came from.
        return this.add(db, event.data.conversationId, [event.data.subject, ownTextOf(event.data)]);
      case 'ChatMessageReceived':
      case 'ChatReplyPosted':
        return this.add(db, event.data.conversationId, [event.data.text]);
      case 'ChatVisitorIdentified':
        // The visitor's name and address become findable once they give them.
        return this.add(db, event.data.conversationId, [event.data.contact.name, event.data.contact.email]);
      default:
        return;
    }
  }

  // Only statements that touch one row by its key here: a statement that might need its own savepoint
  // (an UPDATE by another column, RETURNING) makes FTS5 flush its pending terms to disk every time.

  /** The conversation's key (its document 0), or null when it is already known. */
  private allocate(db: SqliteDatabase, accountId: string, conversationId: string): bigint | null {
    if (prepared(db, 'SELECT 1 FROM search_conversations WHERE conversation_id = ?').get(conversationId)) return null;
    let account = prepared(db, 'SELECT seq, conversations FROM search_accounts WHERE account_id = ?').safeIntegers().get(accountId) as
      | { seq: bigint; conversations: bigint }
      | undefined;
    if (!account) {
      const seq = BigInt(prepared(db, 'INSERT INTO search_accounts (account_id, conversations) VALUES (?, 0)').run(accountId).lastInsertRowid);
      account = { seq, conversations: 0n };
    }
    const number = account.conversations + 1n;
    prepared(db, 'UPDATE search_accounts SET conversations = ? WHERE seq = ?').run(number, account.seq);
    const key = (account.seq << (CONVERSATION_BITS + DOCUMENT_BITS)) | (number << DOCUMENT_BITS);
    prepared(db, 'INSERT INTO search_conversations VALUES (?, ?, 1)').run(key, conversationId);
    return key;
  }

  private add(db: SqliteDatabase, conversationId: string, texts: string[]): void {
    const row = prepared(db, 'SELECT key, documents FROM search_conversations WHERE conversation_id = ?').safeIntegers().get(conversationId) as
      | { key: bigint; documents: bigint }
      | undefined;
    // A conversation of 65,536 documents stops growing its index rather than spill into the next one's range.
    if (!row || row.documents >= MAX_DOCUMENTS) return;
    prepared(db, 'UPDATE search_conversations SET documents = ? WHERE key = ?').run(row.documents + 1n, row.key);
    this.index(db, row.key + row.documents, texts);
  }

  private index(db: SqliteDatabase, rowid: bigint, texts: string[]): void {
    prepared(db, 'INSERT INTO search_documents (rowid, body) VALUES (?, ?)').run(rowid, texts.filter(Boolean).join('\n'));
  }
}
