import type { RecordedEvent } from '../../../shared/event-store/event-store.port';
import type { Projection } from '../../../shared/projections/projection';
import { prepared, type SqliteDatabase } from '../../../shared/sqlite/open-sqlite';
import type { InvitationEvent } from '../domain/invitation.decider';

/**
 * Invitations as the users page lists them, and which invitation each link's token hash belongs to
 * (every link ever sent, so a replaced one is recognised and refused by the invitation itself).
 */
export class InvitationsProjection implements Projection {
  readonly name = 'invitations';
  readonly version = 1;

  setUp(db: SqliteDatabase): void {
    db.exec(`
      CREATE TABLE IF NOT EXISTS invitations (
        invitation_id TEXT PRIMARY KEY, account_id TEXT NOT NULL, email TEXT NOT NULL, role TEXT NOT NULL,
        invited_by TEXT NOT NULL, invited_at TEXT NOT NULL, expires_at TEXT NOT NULL, status TEXT NOT NULL
      ) STRICT;
      CREATE INDEX IF NOT EXISTS invitations_by_account ON invitations (account_id, status, invited_at);
      CREATE TABLE IF NOT EXISTS invitation_links (token_hash TEXT PRIMARY KEY, invitation_id TEXT NOT NULL) STRICT;
    `);
  }

  tearDown(db: SqliteDatabase): void {
    db.exec('DROP TABLE IF EXISTS invitations; DROP TABLE IF EXISTS invitation_links;');
  }

  apply(recorded: RecordedEvent, db: SqliteDatabase): void {
    const event = { type: recorded.type, data: recorded.data } as InvitationEvent;
    switch (event.type) {
      case 'InvitationSent': {
        const d = event.data;
        prepared(
          db,
          `INSERT INTO invitations VALUES (?, ?, ?, ?, ?, ?, ?, 'pending') ON CONFLICT (invitation_id) DO UPDATE SET
           role = excluded.role, invited_by = excluded.invited_by, invited_at = excluded.invited_at, expires_at = excluded.expires_at, status = 'pending'`,
        ).run(d.invitationId, d.accountId, d.email, d.role, d.invitedBy, d.invitedAt, d.expiresAt);
        prepared(db, 'INSERT OR IGNORE INTO invitation_links VALUES (?, ?)').run(d.tokenHash, d.invitationId);
        return;
      }
      case 'InvitationResent':
        prepared(db, 'UPDATE invitations SET expires_at = ? WHERE invitation_id = ?').run(event.data.expiresAt, event.data.invitationId);
        prepared(db, 'INSERT OR IGNORE INTO invitation_links VALUES (?, ?)').run(event.data.tokenHash, event.data.invitationId);
        return;
      case 'InvitationRevoked':
        prepared(db, "UPDATE invitations SET status = 'revoked' WHERE invitation_id = ?").run(event.data.invitationId);
        return;
      case 'InvitationAccepted':
        prepared(db, "UPDATE invitations SET status = 'accepted' WHERE invitation_id = ?").run(event.data.invitationId);
        return;
      default:
        return;
    }
  }
}
