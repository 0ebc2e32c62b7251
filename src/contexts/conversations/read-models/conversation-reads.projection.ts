import type { RecordedEvent } from '../../../shared/event-store/event-store.port';
import type { Projection } from '../../../shared/projections/projection';
import { prepared, type SqliteDatabase } from '../../../shared/sqlite/open-sqlite';
import type { ConversationSeenEvent } from '../domain/conversation-seen.decider';
import type { ConversationEvent } from '../domain/conversation.decider';

/**
 * What each user has read: when a conversation last had inbound activity, and when each user last
 * opened it. Unread = inbound activity after the user's last look (or no look at all). Outbound
 * replies are not inbound activity: an agent's own answer never makes a conversation unread.
 */
export class ConversationReadsProjection implements Projection {
  readonly name = 'conversation-reads';
  readonly version = 2;

  setUp(db: SqliteDatabase): void {
    db.exec(`
      CREATE TABLE IF NOT EXISTS conversation_inbound (
        conversation_id TEXT PRIMARY KEY, account_id TEXT NOT NULL, last_inbound_at TEXT NOT NULL
      ) STRICT;
      CREATE TABLE IF NOT EXISTS conversation_seen (
        conversation_id TEXT NOT NULL, user_id TEXT NOT NULL, seen_at TEXT NOT NULL, PRIMARY KEY (conversation_id, user_id)
      ) STRICT, WITHOUT ROWID;
    `);
  }

  tearDown(db: SqliteDatabase): void {
    db.exec('DROP TABLE IF EXISTS conversation_inbound; DROP TABLE IF EXISTS conversation_seen;');
  }

  apply(recorded: RecordedEvent, db: SqliteDatabase): void {
    const event = { type: recorded.type, data: recorded.data } as ConversationEvent | ConversationSeenEvent;
    switch (event.type) {
      case 'MessageReceived':
        return recordInbound(db, event.data.conversationId, event.data.accountId, event.data.message.receivedAt);
      case 'ChatMessageReceived':
        return recordInbound(db, event.data.conversationId, event.data.accountId, event.data.receivedAt);
      case 'ConversationSeen': {
        const { conversationId, userId, at } = event.data;
        prepared(db, 'INSERT INTO conversation_seen VALUES (?, ?, ?) ON CONFLICT DO UPDATE SET seen_at = max(seen_at, excluded.seen_at)').run(conversationId, userId, at);
        return;
      }
      default:
        return;
    }
  }
}

function recordInbound(db: SqliteDatabase, conversationId: string, accountId: string, at: string): void {
  prepared(
    db,
    `INSERT INTO conversation_inbound VALUES (?, ?, ?)
     ON CONFLICT DO UPDATE SET last_inbound_at = max(last_inbound_at, excluded.last_inbound_at)`,
  ).run(conversationId, accountId, at);
}
