import type { RecordedEvent } from '../../../shared/event-store/event-store.port';
import type { Projection } from '../../../shared/projections/projection';
import { prepared, type SqliteDatabase } from '../../../shared/sqlite/open-sqlite';
import type { AccountEvent } from '../domain/account.decider';
import { DEFAULT_UNDO_SEND_SECONDS } from '../domain/accounts.rules';
import type { SessionEvent } from '../domain/session.decider';
import type { UserEvent } from '../domain/user.decider';

/** Accounts, users (with their credential, for sign-in) and sessions, as the HTTP edge reads them. */
export class AccountsProjection implements Projection {
  readonly name = 'accounts';
  readonly version = 5;

  setUp(db: SqliteDatabase): void {
    db.exec(`
      CREATE TABLE IF NOT EXISTS accounts (
        account_id TEXT PRIMARY KEY, name TEXT NOT NULL, plan TEXT NOT NULL,
        time_zone TEXT NOT NULL, locale TEXT NOT NULL, primary_admin_id TEXT NOT NULL, opened_at TEXT NOT NULL,
        undo_send_seconds INTEGER NOT NULL DEFAULT ${DEFAULT_UNDO_SEND_SECONDS}
      ) STRICT;
      CREATE TABLE IF NOT EXISTS users (
        user_id TEXT PRIMARY KEY, account_id TEXT NOT NULL, name TEXT NOT NULL, email TEXT NOT NULL UNIQUE,
        role TEXT NOT NULL, active INTEGER NOT NULL, password_hash TEXT, created_at TEXT NOT NULL
      ) STRICT;
      CREATE TABLE IF NOT EXISTS user_signatures (user_id TEXT PRIMARY KEY, signature TEXT NOT NULL) STRICT;
      CREATE TABLE IF NOT EXISTS user_languages (user_id TEXT PRIMARY KEY, language TEXT NOT NULL) STRICT;
      CREATE INDEX IF NOT EXISTS users_by_account ON users (account_id, name);
      CREATE TABLE IF NOT EXISTS sessions (
        session_id TEXT PRIMARY KEY, user_id TEXT NOT NULL, account_id TEXT NOT NULL,
        expires_at TEXT NOT NULL, ended_at TEXT
      ) STRICT;
      CREATE INDEX IF NOT EXISTS sessions_by_user ON sessions (user_id) WHERE ended_at IS NULL;
      CREATE TABLE IF NOT EXISTS password_reset_links (token_hash TEXT PRIMARY KEY, user_id TEXT NOT NULL) STRICT;
    `);
  }

  tearDown(db: SqliteDatabase): void {
    db.exec('DROP TABLE IF EXISTS accounts; DROP TABLE IF EXISTS users; DROP TABLE IF EXISTS user_signatures; DROP TABLE IF EXISTS user_languages; DROP TABLE IF EXISTS sessions; DROP TABLE IF EXISTS password_reset_links;');
  }

  apply(recorded: RecordedEvent, db: SqliteDatabase): void {
    const event = { type: recorded.type, data: recorded.data } as AccountEvent | UserEvent | SessionEvent;
    const at = recorded.metadata.occurredAt;
    switch (event.type) {
      case 'AccountOpened': {
        const d = event.data;
        prepared(db, 'INSERT OR IGNORE INTO accounts (account_id, name, plan, time_zone, locale, primary_admin_id, opened_at) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
          d.accountId, d.name, d.plan, d.timeZone, d.locale, d.primaryAdmin.userId, at,
        );
        return;
      }
      case 'AccountSettingsChanged': {
        const { accountId, changes } = event.data;
        prepared(db, 
          `UPDATE accounts SET name = coalesce(?, name), time_zone = coalesce(?, time_zone), locale = coalesce(?, locale),
           undo_send_seconds = coalesce(?, undo_send_seconds) WHERE account_id = ?`,
        ).run(changes.name ?? null, changes.timeZone ?? null, changes.locale ?? null, changes.undoSendSeconds ?? null, accountId);
        return;
      }
      case 'UserRegistered': {
        const d = event.data;
        prepared(db, 'INSERT OR IGNORE INTO users VALUES (?, ?, ?, ?, ?, 1, NULL, ?)').run(d.userId, d.accountId, d.name, d.email, d.role, at);
        return;
      }
      case 'UserPasswordSet':
        prepared(db, 'UPDATE users SET password_hash = ? WHERE user_id = ?').run(event.data.passwordHash, event.data.userId);
        return;
      case 'UserRenamed':
        prepared(db, 'UPDATE users SET name = ? WHERE user_id = ?').run(event.data.name, event.data.userId);
        return;
      case 'UserRoleChanged':
        prepared(db, 'UPDATE users SET role = ? WHERE user_id = ?').run(event.data.to, event.data.userId);
        return;
      case 'UserDeactivated':
      case 'UserReactivated':
        prepared(db, 'UPDATE users SET active = ? WHERE user_id = ?').run(event.type === 'UserReactivated' ? 1 : 0, event.data.userId);
        return;
      case 'UserSignatureChanged':
        // A table of its own: the users row's shape (and its positional insert) stays as it was.
        prepared(db, 'INSERT INTO user_signatures VALUES (?, ?) ON CONFLICT (user_id) DO UPDATE SET signature = excluded.signature').run(
          event.data.userId, event.data.signature,
        );
        return;
      case 'PasswordResetRequested':
        // Which user a link's token belongs to; whether it still works, the user stream decides.
        prepared(db, 'INSERT OR IGNORE INTO password_reset_links VALUES (?, ?)').run(event.data.tokenHash, event.data.userId);
        return;
      case 'UserPasswordChanged':
        // Sessions started before the new password end here, on every node, in log order: a session started after it stays.
        prepared(db, 'UPDATE sessions SET ended_at = ? WHERE user_id = ? AND ended_at IS NULL AND session_id IS NOT ?').run(
          at, event.data.userId, event.data.keptSessionId ?? null,
        );
        return;
      case 'UserLanguageChosen':
        prepared(db, 'INSERT INTO user_languages VALUES (?, ?) ON CONFLICT (user_id) DO UPDATE SET language = excluded.language').run(
          event.data.userId, event.data.language,
        );
        return;
      case 'SessionStarted': {
        const d = event.data;
        prepared(db, 'INSERT OR IGNORE INTO sessions VALUES (?, ?, ?, ?, NULL)').run(d.sessionId, d.userId, d.accountId, d.expiresAt);
        return;
      }
      case 'SessionEnded':
        prepared(db, 'UPDATE sessions SET ended_at = ? WHERE session_id = ?').run(at, event.data.sessionId);
        return;
      default:
        return;
    }
  }
}
