import type { RecordedEvent } from '../../../shared/event-store/event-store.port';
import type { Projection } from '../../../shared/projections/projection';
import { prepared, type SqliteDatabase } from '../../../shared/sqlite/open-sqlite';
import type { ChatChannelEvent } from '../domain/chat-channel.decider';
import type { EmailChannelEvent } from '../domain/email-channel.decider';
import type { ForwardingConfirmationReceived } from '../domain/forwarding-confirmation';

/** Each account's channels as settings pages show them, and forwarding address → account for inbound mail. */
export class ChannelsProjection implements Projection {
  readonly name = 'channels';
  readonly version = 2;

  setUp(db: SqliteDatabase): void {
    db.exec(`
      CREATE TABLE IF NOT EXISTS email_channels (
        account_id TEXT PRIMARY KEY, enabled INTEGER NOT NULL, default_subject TEXT NOT NULL,
        from_name TEXT NOT NULL, forwarding_address TEXT, updated_at TEXT NOT NULL,
        plain_text_only INTEGER NOT NULL DEFAULT 0,
        reply_subject TEXT NOT NULL DEFAULT 'thread', quote_history INTEGER NOT NULL DEFAULT 1
      ) STRICT;
      CREATE TABLE IF NOT EXISTS email_channel_signatures (account_id TEXT PRIMARY KEY, signature TEXT NOT NULL) STRICT;
      CREATE TABLE IF NOT EXISTS forwarding_addresses (address TEXT PRIMARY KEY, account_id TEXT NOT NULL) STRICT;
      CREATE TABLE IF NOT EXISTS chat_channels (account_id TEXT PRIMARY KEY, enabled INTEGER NOT NULL) STRICT;
      CREATE TABLE IF NOT EXISTS provider_confirmations (
        account_id TEXT NOT NULL, provider TEXT NOT NULL, code TEXT, link TEXT, received_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX IF NOT EXISTS provider_confirmations_by_account ON provider_confirmations (account_id, received_at);
    `);
  }

  tearDown(db: SqliteDatabase): void {
    db.exec(`DROP TABLE IF EXISTS email_channels; DROP TABLE IF EXISTS email_channel_signatures; DROP TABLE IF EXISTS forwarding_addresses;
      DROP TABLE IF EXISTS chat_channels; DROP TABLE IF EXISTS provider_confirmations;`);
  }

  apply(recorded: RecordedEvent, db: SqliteDatabase): void {
    const event = { type: recorded.type, data: recorded.data } as EmailChannelEvent | ChatChannelEvent | ForwardingConfirmationReceived;
    const at = recorded.metadata.occurredAt;
    const update = (set: string, ...values: unknown[]) =>
      prepared(db, `UPDATE email_channels SET ${set}, updated_at = ? WHERE account_id = ?`).run(...values, at, event.data.accountId);
    switch (event.type) {
      case 'EmailChannelCreated':
        prepared(db, 'INSERT OR IGNORE INTO email_channels (account_id, enabled, default_subject, from_name, forwarding_address, updated_at) VALUES (?, 0, ?, ?, NULL, ?)').run(
          event.data.accountId, event.data.defaultSubject, event.data.fromName, at,
        );
        return;
      case 'EmailChannelEnabled':
      case 'EmailChannelDisabled':
        update('enabled = ?', event.type === 'EmailChannelEnabled' ? 1 : 0);
        return;
      case 'DefaultSubjectChanged':
        update('default_subject = ?', event.data.defaultSubject);
        return;
      case 'FromNameChanged':
        update('from_name = ?', event.data.fromName);
        return;
      case 'PlainTextOnlyChanged':
        update('plain_text_only = ?', event.data.plainTextOnly ? 1 : 0);
        return;
      case 'ChannelSignatureChanged':
        // A table of its own: the channel row's shape (and its positional insert) stays as it was.
        prepared(db, 'INSERT INTO email_channel_signatures VALUES (?, ?) ON CONFLICT (account_id) DO UPDATE SET signature = excluded.signature').run(
          event.data.accountId, event.data.signature,
        );
        return;
      case 'ReplySubjectChanged':
        update('reply_subject = ?', event.data.replySubject);
        return;
      case 'QuoteHistoryChanged':
        update('quote_history = ?', event.data.quoteHistory ? 1 : 0);
        return;
      case 'ForwardingAddressClaimed':
        update('forwarding_address = ?', event.data.address);
        prepared(db, 'INSERT OR IGNORE INTO forwarding_addresses VALUES (?, ?)').run(event.data.address, event.data.accountId);
        return;
      case 'ForwardingConfirmationReceived': {
        const d = event.data;
        prepared(db, 'INSERT INTO provider_confirmations VALUES (?, ?, ?, ?, ?)').run(d.accountId, d.provider, d.code, d.link, d.receivedAt);
        return;
      }
      case 'ChatChannelEnabled':
      case 'ChatChannelDisabled':
        prepared(db, 
          'INSERT INTO chat_channels VALUES (?, ?) ON CONFLICT (account_id) DO UPDATE SET enabled = excluded.enabled',
        ).run(event.data.accountId, event.type === 'ChatChannelEnabled' ? 1 : 0);
        return;
      default:
        return;
    }
  }
}
