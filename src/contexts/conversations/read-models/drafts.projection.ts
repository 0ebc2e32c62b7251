import type { RecordedEvent } from '../../../shared/event-store/event-store.port';
import type { Projection } from '../../../shared/projections/projection';
import { prepared, type SqliteDatabase } from '../../../shared/sqlite/open-sqlite';
import type { DraftEvent } from '../domain/draft.decider';

/** Each user's current draft per conversation: restored in their composer, named (never shown) to colleagues. */
export class DraftsProjection implements Projection {
  readonly name = 'drafts';
  readonly version = 1;

  setUp(db: SqliteDatabase): void {
    db.exec(`
      CREATE TABLE IF NOT EXISTS drafts (
        conversation_id TEXT NOT NULL, user_id TEXT NOT NULL, account_id TEXT NOT NULL,
        text TEXT NOT NULL, subject TEXT, saved_at TEXT NOT NULL, PRIMARY KEY (conversation_id, user_id)
      ) STRICT, WITHOUT ROWID;
    `);
  }

  tearDown(db: SqliteDatabase): void {
    db.exec('DROP TABLE IF EXISTS drafts;');
  }

  apply(recorded: RecordedEvent, db: SqliteDatabase): void {
    const event = { type: recorded.type, data: recorded.data } as DraftEvent;
    switch (event.type) {
      case 'DraftSaved': {
        const d = event.data;
        prepared(db, 'INSERT INTO drafts VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO UPDATE SET text = excluded.text, subject = excluded.subject, saved_at = excluded.saved_at').run(
          d.conversationId, d.userId, d.accountId, d.text, d.subject, d.savedAt,
        );
        return;
      }
      case 'DraftDiscarded':
        prepared(db, 'DELETE FROM drafts WHERE conversation_id = ? AND user_id = ?').run(event.data.conversationId, event.data.userId);
        return;
      default:
        return;
    }
  }
}
