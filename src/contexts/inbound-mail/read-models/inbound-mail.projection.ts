import type { RecordedEvent } from '../../../shared/event-store/event-store.port';
import type { Projection } from '../../../shared/projections/projection';
import { prepared, type SqliteDatabase } from '../../../shared/sqlite/open-sqlite';
import type { InboundMailEvent } from '../domain/inbound-mail.events';
import type { InboundTokenRotated } from '../domain/inbound-token';

/** Every inbound message with its status (the failed-mail queue is the failed ones), and token generations. */
export class InboundMailProjection implements Projection {
  readonly name = 'inbound-mail';
  readonly version = 1;

  setUp(db: SqliteDatabase): void {
    db.exec(`
      CREATE TABLE IF NOT EXISTS inbound_mail (
        inbound_id TEXT PRIMARY KEY, account_id TEXT NOT NULL, status TEXT NOT NULL, reason TEXT,
        raw_hash TEXT NOT NULL, raw_size INTEGER NOT NULL, recipients TEXT NOT NULL, via TEXT NOT NULL,
        received_at TEXT NOT NULL, from_address TEXT, subject TEXT, kind TEXT
      ) STRICT;
      CREATE INDEX IF NOT EXISTS inbound_mail_by_status ON inbound_mail (account_id, status, received_at);
      CREATE TABLE IF NOT EXISTS inbound_tokens (account_id TEXT PRIMARY KEY, generation INTEGER NOT NULL) STRICT;
    `);
  }

  tearDown(db: SqliteDatabase): void {
    db.exec('DROP TABLE IF EXISTS inbound_mail; DROP TABLE IF EXISTS inbound_tokens;');
  }

  apply(recorded: RecordedEvent, db: SqliteDatabase): void {
    const event = { type: recorded.type, data: recorded.data } as InboundMailEvent | InboundTokenRotated;
    switch (event.type) {
      case 'InboundMailAccepted': {
        const d = event.data;
        prepared(db, 
          `INSERT INTO inbound_mail VALUES (?, ?, 'accepted', NULL, ?, ?, ?, ?, ?, ?, ?, ?)
           ON CONFLICT (inbound_id) DO UPDATE SET status = 'accepted', reason = NULL, from_address = excluded.from_address,
             subject = excluded.subject, kind = excluded.kind`,
        ).run(d.inboundId, d.accountId, d.raw.hash, d.raw.size, JSON.stringify(d.recipients), d.via, d.receivedAt, d.mail.from?.address ?? null, d.mail.subject, d.mail.kind);
        return;
      }
      case 'InboundMailFailed': {
        const d = event.data;
        prepared(db, `INSERT OR IGNORE INTO inbound_mail VALUES (?, ?, 'failed', ?, ?, ?, ?, ?, ?, NULL, NULL, NULL)`).run(
          d.inboundId, d.accountId, d.reason, d.raw.hash, d.raw.size, JSON.stringify(d.recipients), d.via, d.receivedAt,
        );
        return;
      }
      case 'InboundMailUnrouted':
        prepared(db, "UPDATE inbound_mail SET status = 'failed', reason = ? WHERE inbound_id = ?").run(event.data.reason, event.data.inboundId);
        return;
      case 'InboundTokenRotated':
        prepared(db, 'INSERT INTO inbound_tokens VALUES (?, ?) ON CONFLICT (account_id) DO UPDATE SET generation = excluded.generation').run(
          event.data.accountId,
          event.data.generation,
        );
        return;
      default:
        return;
    }
  }
}
