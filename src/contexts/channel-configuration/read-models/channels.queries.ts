import { Inject, Injectable } from '@nestjs/common';
import { READ_MODEL_DB } from '../../../shared/event-store/event-store.module';
import { prepared, type SqliteDatabase } from '../../../shared/sqlite/open-sqlite';
import { withoutTag } from '../../../shared/domain/reply-address';

export interface EmailChannelView {
  enabled: boolean;
  defaultSubject: string;
  fromName: string;
  /** Replies go as text/plain only, without an HTML part. */
  plainTextOnly: boolean;
  /** The channel's signature as stored (variables unrendered); empty when none. */
  signature: string;
  forwardingAddress: string | null;
  /** Email replies start with `Re:` and the customer's subject (thread), or with the default subject. */
  replySubject: 'thread' | 'default';
  /** Whether email replies quote the message they answer. */
  quoteHistory: boolean;
  providerConfirmations: Array<{ provider: string; code: string | null; link: string | null; receivedAt: string }>;
}

@Injectable()
export class ChannelsQueries {
  constructor(@Inject(READ_MODEL_DB) private readonly db: SqliteDatabase) {}

  emailChannel(accountId: string): EmailChannelView | null {
    const row = this.db
      .prepare('SELECT c.*, s.signature FROM email_channels c LEFT JOIN email_channel_signatures s USING (account_id) WHERE c.account_id = ?')
      .get(accountId) as
      | { enabled: number; default_subject: string; from_name: string; signature: string | null; forwarding_address: string | null; plain_text_only: number; reply_subject: string; quote_history: number }
      | undefined;
    if (!row) return null;
    const confirmations = this.db
      .prepare('SELECT provider, code, link, received_at FROM provider_confirmations WHERE account_id = ? ORDER BY received_at DESC')
      .all(accountId) as Array<{ provider: string; code: string | null; link: string | null; received_at: string }>;
    return {
      enabled: row.enabled === 1,
      defaultSubject: row.default_subject,
      fromName: row.from_name,
      plainTextOnly: row.plain_text_only === 1,
      signature: row.signature ?? '',
      forwardingAddress: row.forwarding_address,
      replySubject: row.reply_subject === 'default' ? 'default' : 'thread',
      quoteHistory: row.quote_history === 1,
      providerConfirmations: confirmations.map((c) => ({ provider: c.provider, code: c.code, link: c.link, receivedAt: c.received_at })),
    };
  }

  /** Whether the account's email channel is on; null before it exists. One column, for the mail intake's hot path. */
  emailEnabled(accountId: string): boolean | null {
    const enabled = prepared(this.db, 'SELECT enabled FROM email_channels WHERE account_id = ?').pluck(true).get(accountId) as number | undefined;
    return enabled === undefined ? null : enabled === 1;
  }

  chatEnabled(accountId: string): boolean {
    const row = this.db.prepare('SELECT enabled FROM chat_channels WHERE account_id = ?').get(accountId) as { enabled: number } | undefined;
    return row?.enabled === 1;
  }

  /** The account a forwarding address belongs to (inbound mail routing, every RCPT TO); plus-addresses route like the bare one. */
  accountOfAddress(address: string): string | null {
    const normalized = withoutTag(address.trim().toLowerCase());
    const row = prepared(this.db, 'SELECT account_id FROM forwarding_addresses WHERE address = ?').get(normalized) as
      | { account_id: string }
      | undefined;
    return row?.account_id ?? null;
  }
}
