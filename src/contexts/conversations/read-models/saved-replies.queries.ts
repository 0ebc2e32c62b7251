import { Inject, Injectable } from '@nestjs/common';
import { READ_MODEL_DB } from '../../../shared/event-store/event-store.module';
import { prepared, type SqliteDatabase } from '../../../shared/sqlite/open-sqlite';

export interface SavedReplyView {
  id: string;
  name: string;
  body: string;
  createdBy: string;
  createdAt: string;
  updatedBy: string;
  updatedAt: string;
}

interface SavedReplyRow {
  id: string;
  name: string;
  body: string;
  created_by: string;
  created_at: string;
  updated_by: string;
  updated_at: string;
}

const view = (row: SavedReplyRow): SavedReplyView => ({
  id: row.id,
  name: row.name,
  body: row.body,
  createdBy: row.created_by,
  createdAt: row.created_at,
  updatedBy: row.updated_by,
  updatedAt: row.updated_at,
});

/** `%` and `_` typed by a person are letters, not wildcards. */
const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

@Injectable()
export class SavedRepliesQueries {
  constructor(@Inject(READ_MODEL_DB) private readonly db: SqliteDatabase) {}

  /** The account's saved replies by name; with `q`, those whose name or body holds it (case-insensitive). */
  list(accountId: string, q?: string): SavedReplyView[] {
    const columns = 'id, name, body, created_by, created_at, updated_by, updated_at';
    const order = 'ORDER BY name COLLATE NOCASE, id';
    const search = q?.trim();
    const rows = search
      ? prepared(this.db, `SELECT ${columns} FROM saved_replies WHERE account_id = ? AND (name LIKE ? ESCAPE '\\' OR body LIKE ? ESCAPE '\\') ${order}`).all(
          accountId,
          likePattern(search),
          likePattern(search),
        )
      : prepared(this.db, `SELECT ${columns} FROM saved_replies WHERE account_id = ? ${order}`).all(accountId);
    return (rows as SavedReplyRow[]).map(view);
  }

  savedReply(accountId: string, id: string): SavedReplyView | null {
    const row = prepared(this.db, 'SELECT id, name, body, created_by, created_at, updated_by, updated_at FROM saved_replies WHERE account_id = ? AND id = ?').get(accountId, id) as
      | SavedReplyRow
      | undefined;
    return row ? view(row) : null;
  }
}
