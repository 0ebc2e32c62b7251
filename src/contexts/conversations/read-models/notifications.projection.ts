import type { RecordedEvent } from '../../../shared/event-store/event-store.port';
import type { Projection } from '../../../shared/projections/projection';
import { deterministicId } from '../../../shared/domain/deterministic-id';
import { prepared, type SqliteDatabase } from '../../../shared/sqlite/open-sqlite';
import type { NoteAdded } from '../domain/internal-note';
import { plainNoteText } from '../domain/mentions';
import type { NotificationsEvent } from '../domain/notifications.decider';

const EXCERPT_LENGTH = 140;

/** A mention's notification is one per note and user: the same note never notifies twice. */
export const mentionNotificationId = (noteId: string, userId: string) => deterministicId('mention', noteId, userId);

/**
 * Each user's in-app notifications: a mention in a note (kind `mention`), with who wrote it, an
 * excerpt and when, and when the user read it. Other kinds (assignment, a reply that failed for
 * good) and email delivery per the user's preference can follow the same shape.
 */
export class NotificationsProjection implements Projection {
  readonly name = 'notifications';
  readonly version = 1;

  setUp(db: SqliteDatabase): void {
    db.exec(`
      CREATE TABLE IF NOT EXISTS notifications (
        id TEXT PRIMARY KEY, account_id TEXT NOT NULL, user_id TEXT NOT NULL, kind TEXT NOT NULL,
        conversation_id TEXT NOT NULL, note_id TEXT NOT NULL, by_user_id TEXT NOT NULL, by_name TEXT NOT NULL,
        excerpt TEXT NOT NULL, at TEXT NOT NULL, read_at TEXT, position INTEGER NOT NULL
      ) STRICT;
      CREATE INDEX IF NOT EXISTS notifications_by_user ON notifications (user_id, at DESC, position DESC);
      CREATE INDEX IF NOT EXISTS notifications_unread ON notifications (user_id) WHERE read_at IS NULL;
    `);
  }

  tearDown(db: SqliteDatabase): void {
    db.exec('DROP TABLE IF EXISTS notifications;');
  }

  apply(recorded: RecordedEvent, db: SqliteDatabase): void {
    const event = { type: recorded.type, data: recorded.data } as NoteAdded | NotificationsEvent;
    switch (event.type) {
      case 'NoteAdded': {
        const d = event.data;
        const excerpt = plainNoteText(d.text).replace(/\s+/g, ' ').trim();
        const insert = prepared(db, `INSERT OR IGNORE INTO notifications VALUES (?, ?, ?, 'mention', ?, ?, ?, ?, ?, ?, NULL, ?)`);
        // Mentioning oneself is no news to oneself.
        for (const userId of d.mentionedUserIds.filter((id) => id !== d.authorId)) {
          insert.run(
            mentionNotificationId(d.noteId, userId), d.accountId, userId, d.conversationId, d.noteId, d.authorId, d.authorName,
            excerpt.length > EXCERPT_LENGTH ? `${excerpt.slice(0, EXCERPT_LENGTH - 1)}…` : excerpt, d.addedAt, Number(recorded.position),
          );
        }
        return;
      }
      case 'NotificationsRead': {
        const { userId, ids, at } = event.data;
        if (ids === null) {
          prepared(db, 'UPDATE notifications SET read_at = ? WHERE user_id = ? AND read_at IS NULL AND at <= ?').run(at, userId, at);
        } else {
          prepared(db, 'UPDATE notifications SET read_at = ? WHERE user_id = ? AND read_at IS NULL AND id IN (SELECT value FROM json_each(?))').run(
            at, userId, JSON.stringify(ids),
          );
        }
        return;
      }
      default:
        return;
    }
  }
}
