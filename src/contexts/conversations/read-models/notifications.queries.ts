import { Inject, Injectable } from '@nestjs/common';
import { READ_MODEL_DB } from '../../../shared/event-store/event-store.module';
import { prepared, type SqliteDatabase } from '../../../shared/sqlite/open-sqlite';

export interface NotificationView {
  id: string;
  kind: 'mention';
  conversationId: string;
  /** The conversation's subject, as the inbox shows it. */
  subject: string;
  noteId: string;
  by: { userId: string; name: string };
  excerpt: string;
  at: string;
  readAt: string | null;
}

interface NotificationRow {
  id: string;
  kind: 'mention';
  conversation_id: string;
  subject: string | null;
  note_id: string;
  by_user_id: string;
  by_name: string;
  excerpt: string;
  at: string;
  read_at: string | null;
}

/** A user's own notifications; every query takes the caller's account and user. */
@Injectable()
export class NotificationsQueries {
  constructor(@Inject(READ_MODEL_DB) private readonly db: SqliteDatabase) {}

  /** The newest first, at most `limit`. */
  list(accountId: string, userId: string, limit: number): NotificationView[] {
    const rows = prepared(
      this.db,
      `SELECT n.*, c.subject FROM notifications n LEFT JOIN conversations c ON c.id = n.conversation_id
       WHERE n.account_id = ? AND n.user_id = ? ORDER BY n.at DESC, n.position DESC LIMIT ?`,
    ).all(accountId, userId, limit) as NotificationRow[];
    return rows.map((row) => ({
      id: row.id,
      kind: row.kind,
      conversationId: row.conversation_id,
      subject: row.subject ?? '',
      noteId: row.note_id,
      by: { userId: row.by_user_id, name: row.by_name },
      excerpt: row.excerpt,
      at: row.at,
      readAt: row.read_at,
    }));
  }

  unreadCount(accountId: string, userId: string): number {
    return prepared(this.db, 'SELECT count(*) FROM notifications WHERE user_id = ? AND account_id = ? AND read_at IS NULL').pluck().get(userId, accountId) as number;
  }

  /** Which of `ids` are the user's unread notifications; with `ids` null, whether any is (one id at most). */
  unreadIds(accountId: string, userId: string, ids: readonly string[] | null): string[] {
    if (ids === null) {
      return prepared(this.db, 'SELECT id FROM notifications WHERE user_id = ? AND account_id = ? AND read_at IS NULL LIMIT 1').pluck().all(userId, accountId) as string[];
    }
    return prepared(
      this.db,
      'SELECT id FROM notifications WHERE user_id = ? AND account_id = ? AND read_at IS NULL AND id IN (SELECT value FROM json_each(?))',
    ).pluck().all(userId, accountId, JSON.stringify(ids)) as string[];
  }
}
