import type { RecordedEvent } from '../../../shared/event-store/event-store.port';
import type { Projection } from '../../../shared/projections/projection';
import { prepared, type SqliteDatabase } from '../../../shared/sqlite/open-sqlite';
import type { ReplyDeliveryEvent } from '../domain/reply-delivery.decider';
import type { UserMailEvent } from '../domain/user-mail';

/**
 * The outbox's schedule of mail to the product's own people, and where each stands. Their delivery
 * events are the replies' (without a conversation), so the same claims and retries apply.
 */
export class UserMailProjection implements Projection {
  readonly name = 'user-mail';
  readonly version = 1;

  setUp(db: SqliteDatabase): void {
    db.exec(`
      CREATE TABLE IF NOT EXISTS user_mail (
        mail_id TEXT PRIMARY KEY, account_id TEXT NOT NULL, key TEXT NOT NULL, recipient TEXT NOT NULL,
        status TEXT NOT NULL, attempts INTEGER NOT NULL DEFAULT 0, next_attempt_at TEXT, error TEXT,
        queued_at TEXT NOT NULL, sent_at TEXT
      ) STRICT;
      CREATE INDEX IF NOT EXISTS user_mail_due ON user_mail (next_attempt_at) WHERE next_attempt_at IS NOT NULL;
    `);
  }

  tearDown(db: SqliteDatabase): void {
    db.exec('DROP TABLE IF EXISTS user_mail;');
  }

  apply(recorded: RecordedEvent, db: SqliteDatabase): void {
    const event = { type: recorded.type, data: recorded.data } as UserMailEvent | ReplyDeliveryEvent;
    if (event.type === 'UserMailQueued') {
      const d = event.data;
      prepared(db, `INSERT OR IGNORE INTO user_mail (mail_id, account_id, key, recipient, status, next_attempt_at, queued_at) VALUES (?, ?, ?, ?, 'queued', ?, ?)`).run(
        d.mailId, d.accountId, d.key, d.to.address, d.queuedAt, d.queuedAt,
      );
      return;
    }
    // A reply's delivery is the conversations projection's.
    if (!('messageId' in event.data) || event.data.conversationId) return;
    const id = event.data.messageId;
    switch (event.type) {
      case 'ReplyDeliveryStarted':
        // Due again when the claim runs out: a worker that died mid-send leaves it to the next.
        prepared(db, `UPDATE user_mail SET status = 'sending', attempts = ?, next_attempt_at = ? WHERE mail_id = ?`).run(event.data.attempt, event.data.leaseUntil, id);
        return;
      case 'ReplyDelivered':
        prepared(db, `UPDATE user_mail SET status = 'sent', error = NULL, next_attempt_at = NULL, sent_at = ? WHERE mail_id = ?`).run(event.data.deliveredAt, id);
        return;
      case 'ReplyDeliveryFailed':
        prepared(db, 'UPDATE user_mail SET status = ?, error = ?, next_attempt_at = ? WHERE mail_id = ?').run(
          event.data.nextAttemptAt ? 'waiting' : 'failed', event.data.error, event.data.nextAttemptAt, id,
        );
        return;
      case 'ReplyRetryRequested':
        prepared(db, `UPDATE user_mail SET status = 'queued', next_attempt_at = ? WHERE mail_id = ?`).run(event.data.requestedAt, id);
        return;
      default:
        return;
    }
  }
}
