import { Inject, Injectable } from '@nestjs/common';
import { READ_MODEL_DB } from '../../../shared/event-store/event-store.module';
import type { SqliteDatabase } from '../../../shared/sqlite/open-sqlite';

export interface ContactView {
  id: string;
  name: string;
  email: string;
  createdAt: string;
}

@Injectable()
export class ContactsQueries {
  constructor(@Inject(READ_MODEL_DB) private readonly db: SqliteDatabase) {}

  search(accountId: string, q: string | undefined, limit = 50): ContactView[] {
    const pattern = `%${(q ?? '').trim().toLowerCase().replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
    return (
      this.db
        .prepare(
          `SELECT id, name, email, created_at FROM contacts WHERE account_id = ?
           AND (lower(name) LIKE ? ESCAPE '\\' OR email LIKE ? ESCAPE '\\') ORDER BY name LIMIT ?`,
        )
        .all(accountId, pattern, pattern, limit) as Array<{ id: string; name: string; email: string; created_at: string }>
    ).map((r) => ({ id: r.id, name: r.name, email: r.email, createdAt: r.created_at }));
  }

  contact(accountId: string, id: string): ContactView | null {
    const row = this.db.prepare('SELECT id, name, email, created_at FROM contacts WHERE account_id = ? AND id = ?').get(accountId, id) as
      | { id: string; name: string; email: string; created_at: string }
      | undefined;
    return row ? { id: row.id, name: row.name, email: row.email, createdAt: row.created_at } : null;
  }

  conversations(contactId: string): Array<{ id: string; channel: string; subject: string; startedAt: string }> {
    return (
      this.db
        .prepare('SELECT conversation_id, channel, subject, started_at FROM contact_conversations WHERE contact_id = ? ORDER BY started_at DESC')
        .all(contactId) as Array<{ conversation_id: string; channel: string; subject: string; started_at: string }>
    ).map((r) => ({ id: r.conversation_id, channel: r.channel, subject: r.subject, startedAt: r.started_at }));
  }

  recentActivity(contactId: string): Array<{ type: string; at: string; details: Record<string, unknown> }> {
    return (this.db.prepare('SELECT type, at, details FROM contact_activity WHERE contact_id = ? ORDER BY at DESC LIMIT 50').all(contactId) as Array<{ type: string; at: string; details: string }>).map(
      (r) => ({ type: r.type, at: r.at, details: JSON.parse(r.details) as Record<string, unknown> }),
    );
  }
}
