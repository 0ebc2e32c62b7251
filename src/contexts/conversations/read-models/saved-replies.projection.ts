import type { RecordedEvent } from '../../../shared/event-store/event-store.port';
import type { Projection } from '../../../shared/projections/projection';
import { prepared, type SqliteDatabase } from '../../../shared/sqlite/open-sqlite';
import type { SavedReplyEvent } from '../domain/saved-reply.decider';

/** The account's saved replies as admins manage them and the composer's picker searches them. */
export class SavedRepliesProjection implements Projection {
  readonly name = 'saved-replies';
  readonly version = 1;

  setUp(db: SqliteDatabase): void {
    db.exec(`
      CREATE TABLE IF NOT EXISTS saved_replies (
        id TEXT PRIMARY KEY, account_id TEXT NOT NULL, name TEXT NOT NULL, body TEXT NOT NULL,
        created_by TEXT NOT NULL, created_at TEXT NOT NULL, updated_by TEXT NOT NULL, updated_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX IF NOT EXISTS saved_replies_by_account ON saved_replies (account_id, name COLLATE NOCASE);
    `);
  }

  tearDown(db: SqliteDatabase): void {
    db.exec('DROP TABLE IF EXISTS saved_replies;');
  }

  apply(recorded: RecordedEvent, db: SqliteDatabase): void {
    const event = { type: recorded.type, data: recorded.data } as SavedReplyEvent;
    const at = recorded.metadata.occurredAt;
    switch (event.type) {
      case 'SavedReplyCreated': {
        const d = event.data;
        prepared(db, 'INSERT OR IGNORE INTO saved_replies VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(d.savedReplyId, d.accountId, d.name, d.body, d.by, at, d.by, at);
        return;
      }
      case 'SavedReplyChanged': {
        const d = event.data;
        prepared(db, 'UPDATE saved_replies SET name = ?, body = ?, updated_by = ?, updated_at = ? WHERE id = ? AND account_id = ?').run(
          d.name,
          d.body,
          d.by,
          at,
          d.savedReplyId,
          d.accountId,
        );
        return;
      }
      case 'SavedReplyDeleted':
        prepared(db, 'DELETE FROM saved_replies WHERE id = ? AND account_id = ?').run(event.data.savedReplyId, event.data.accountId);
        return;
      default:
        return;
    }
  }
}
