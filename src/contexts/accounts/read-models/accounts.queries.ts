import { Inject, Injectable } from '@nestjs/common';
import type { Role } from '../../../shared/domain/event-envelope';
import { READ_MODEL_DB } from '../../../shared/event-store/event-store.module';
import { prepared, type SqliteDatabase } from '../../../shared/sqlite/open-sqlite';
import type { SignedInUser } from '../../../shared/http/signed-in-user';
import { isLanguage, languageOfLocale, type Language } from '../../../shared/domain/language';

export interface AccountView {
  accountId: string;
  name: string;
  plan: 'trial' | 'seats';
  timeZone: string;
  locale: string;
  /** Undo send: seconds the outbox holds a reply. */
  undoSendSeconds: number;
}

export interface UserView {
  userId: string;
  accountId: string;
  name: string;
  email: string;
  role: Role;
  active: boolean;
  createdAt: string;
}

interface UserRow {
  user_id: string;
  account_id: string;
  name: string;
  email: string;
  role: Role;
  active: number;
  created_at: string;
}

const toUser = (row: UserRow): UserView => ({
  userId: row.user_id,
  accountId: row.account_id,
  name: row.name,
  email: row.email,
  role: row.role,
  active: row.active === 1,
  createdAt: row.created_at,
});

/** Reads of the accounts read model. Every query of account data takes the caller's account id. */
@Injectable()
export class AccountsQueries {
  constructor(@Inject(READ_MODEL_DB) private readonly db: SqliteDatabase) {}

  anyAccountExists(): boolean {
    return this.db.prepare('SELECT 1 FROM accounts LIMIT 1').get() !== undefined;
  }

  account(accountId: string): AccountView | null {
    const row = this.db
      .prepare('SELECT account_id, name, plan, time_zone, locale, undo_send_seconds FROM accounts WHERE account_id = ?')
      .get(accountId) as { account_id: string; name: string; plan: AccountView['plan']; time_zone: string; locale: string; undo_send_seconds: number } | undefined;
    return row
      ? { accountId: row.account_id, name: row.name, plan: row.plan, timeZone: row.time_zone, locale: row.locale, undoSendSeconds: row.undo_send_seconds }
      : null;
  }

  users(accountId: string): UserView[] {
    return (this.db.prepare('SELECT * FROM users WHERE account_id = ? ORDER BY name, email').all(accountId) as UserRow[]).map(toUser);
  }

  user(accountId: string, userId: string): UserView | null {
    const row = this.db.prepare('SELECT * FROM users WHERE account_id = ? AND user_id = ?').get(accountId, userId) as UserRow | undefined;
    return row ? toUser(row) : null;
  }

  /** The user's signature as stored (variables unrendered); empty when none, or for a user of another account. */
  signature(accountId: string, userId: string): string {
    const row = prepared(this.db, 'SELECT s.signature FROM user_signatures s JOIN users u USING (user_id) WHERE u.account_id = ? AND s.user_id = ?').get(
      accountId,
      userId,
    ) as { signature: string } | undefined;
    return row?.signature ?? '';
  }

  /**
   * The language the product speaks to the user: the one they chose, else their account's locale's
   * (English for a locale of another language, or for a user of another account).
   */
  language(accountId: string, userId: string): Language {
    const row = prepared(
      this.db,
      `SELECT l.language AS chosen, a.locale FROM users u JOIN accounts a USING (account_id)
       LEFT JOIN user_languages l ON l.user_id = u.user_id WHERE u.account_id = ? AND u.user_id = ?`,
    ).get(accountId, userId) as { chosen: string | null; locale: string } | undefined;
    return isLanguage(row?.chosen) ? row.chosen : languageOfLocale(row?.locale);
  }

  /** For sign-in only: the one query that returns the credential. */
  credentialsByEmail(email: string): (UserView & { passwordHash: string | null }) | null {
    const row = this.db.prepare('SELECT * FROM users WHERE email = ?').get(email) as (UserRow & { password_hash: string | null }) | undefined;
    return row ? { ...toUser(row), passwordHash: row.password_hash } : null;
  }

  /** The user a password reset link was sent to, by its token's hash; null for a token never sent. */
  passwordResetLink(tokenHash: string): { userId: string; accountId: string } | null {
    const row = prepared(this.db, 'SELECT l.user_id, u.account_id FROM password_reset_links l JOIN users u USING (user_id) WHERE l.token_hash = ?').get(tokenHash) as
      | { user_id: string; account_id: string }
      | undefined;
    return row ? { userId: row.user_id, accountId: row.account_id } : null;
  }

  /** The signed-in user of a live session: not ended, not expired, user still active. */
  sessionUser(sessionId: string, now: Date): SignedInUser | null {
    const row = this.db
      .prepare(
        `SELECT u.user_id, u.account_id, u.name, u.email, u.role FROM sessions s JOIN users u ON u.user_id = s.user_id
         WHERE s.session_id = ? AND s.ended_at IS NULL AND s.expires_at > ? AND u.active = 1`,
      )
      .get(sessionId, now.toISOString()) as Omit<UserRow, 'active' | 'created_at'> | undefined;
    return row
      ? { userId: row.user_id, accountId: row.account_id, name: row.name, email: row.email, role: row.role, sessionId }
      : null;
  }
}
