import { Inject, Injectable } from '@nestjs/common';
import { READ_MODEL_DB } from '../../../shared/event-store/event-store.module';
import { prepared, type SqliteDatabase } from '../../../shared/sqlite/open-sqlite';
import type { ThreadCandidate } from '../domain/threading';

/** Threading by a contact's own reply address, whose token names the first 20 hex digits of the contact id. */
@Injectable()
export class ContactThreadsQueries {
  constructor(@Inject(READ_MODEL_DB) private readonly db: SqliteDatabase) {}

  /** The contact's latest conversation, with the contact as its only participant (see ThreadLookups). */
  latestByContactPrefix(accountId: string, hex: string): ThreadCandidate | null {
    if (!/^[0-9a-f]{20}$/.test(hex)) return null;
    // 20 hex digits are exactly the first four groups of the UUID: a range on the contact index.
    const prefix = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-`;
    const row = prepared(
      this.db,
      `SELECT id, contact_email FROM conversations WHERE account_id = ? AND contact_id >= ? AND contact_id < ?
       ORDER BY started_at DESC, id DESC LIMIT 1`,
    ).get(accountId, prefix, `${prefix.slice(0, -1)}.`) as { id: string; contact_email: string } | undefined;
    return row ? { conversationId: row.id, participants: [row.contact_email] } : null;
  }
}
