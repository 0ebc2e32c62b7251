import { Inject, Injectable } from '@nestjs/common';
import { READ_MODEL_DB } from '../../../shared/event-store/event-store.module';
import type { SqliteDatabase } from '../../../shared/sqlite/open-sqlite';

export interface InboundMailView {
  id: string;
  status: 'accepted' | 'failed';
  reason: string | null;
  raw: { hash: string; size: number };
  recipients: string[];
  via: 'smtp' | 'http';
  receivedAt: string;
  from: string | null;
  subject: string | null;
  kind: string | null;
}

interface Row {
  inbound_id: string;
  status: 'accepted' | 'failed';
  reason: string | null;
  raw_hash: string;
  raw_size: number;
  recipients: string;
  via: 'smtp' | 'http';
  received_at: string;
  from_address: string | null;
  subject: string | null;
  kind: string | null;
}

const toView = (row: Row): InboundMailView => ({
  id: row.inbound_id,
  status: row.status,
  reason: row.reason,
  raw: { hash: row.raw_hash, size: row.raw_size },
  recipients: JSON.parse(row.recipients) as string[],
  via: row.via,
  receivedAt: row.received_at,
  from: row.from_address,
  subject: row.subject,
  kind: row.kind,
});

@Injectable()
export class InboundMailQueries {
  constructor(@Inject(READ_MODEL_DB) private readonly db: SqliteDatabase) {}

  /** One message of the account; null for anything of another account. */
  message(accountId: string, inboundId: string): InboundMailView | null {
    const row = this.db.prepare('SELECT * FROM inbound_mail WHERE account_id = ? AND inbound_id = ?').get(accountId, inboundId) as Row | undefined;
    return row ? toView(row) : null;
  }

  failed(accountId: string): InboundMailView[] {
    return (
      this.db.prepare("SELECT * FROM inbound_mail WHERE account_id = ? AND status = 'failed' ORDER BY received_at DESC").all(accountId) as Row[]
    ).map(toView);
  }

  tokenGeneration(accountId: string): number {
    const row = this.db.prepare('SELECT generation FROM inbound_tokens WHERE account_id = ?').get(accountId) as { generation: number } | undefined;
    return row?.generation ?? 0;
  }
}
