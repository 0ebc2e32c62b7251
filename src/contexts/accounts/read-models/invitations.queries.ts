import { Inject, Injectable } from '@nestjs/common';
import type { Role } from '../../../shared/domain/event-envelope';
import { READ_MODEL_DB } from '../../../shared/event-store/event-store.module';
import { prepared, type SqliteDatabase } from '../../../shared/sqlite/open-sqlite';

export interface InvitationView {
  invitationId: string;
  email: string;
  role: Role;
  invitedBy: { userId: string; name: string };
  invitedAt: string;
  expiresAt: string;
  /** `expired` once the link's time is up: it can be resent (or revoked). */
  status: 'pending' | 'expired';
}

interface InvitationRow {
  invitation_id: string;
  email: string;
  role: Role;
  invited_by: string;
  inviter_name: string | null;
  invited_at: string;
  expires_at: string;
}

/** An account has few open invitations; the list is bounded all the same. */
const LIST_LIMIT = 500;

@Injectable()
export class InvitationsQueries {
  constructor(@Inject(READ_MODEL_DB) private readonly db: SqliteDatabase) {}

  /** The account's invitations not yet accepted or revoked, newest first. */
  open(accountId: string, now: Date): InvitationView[] {
    const rows = prepared(
      this.db,
      `SELECT i.*, u.name AS inviter_name FROM invitations i LEFT JOIN users u ON u.user_id = i.invited_by
       WHERE i.account_id = ? AND i.status = 'pending' ORDER BY i.invited_at DESC LIMIT ${LIST_LIMIT}`,
    ).all(accountId) as InvitationRow[];
    return rows.map((row) => ({
      invitationId: row.invitation_id,
      email: row.email,
      role: row.role,
      invitedBy: { userId: row.invited_by, name: row.inviter_name ?? '' },
      invitedAt: row.invited_at,
      expiresAt: row.expires_at,
      status: Date.parse(row.expires_at) <= now.getTime() ? 'expired' : 'pending',
    }));
  }

  /** Whether the account has an invitation of this id (in any state): another account's is answered as missing. */
  belongsTo(accountId: string, invitationId: string): boolean {
    return prepared(this.db, 'SELECT 1 FROM invitations WHERE account_id = ? AND invitation_id = ?').get(accountId, invitationId) !== undefined;
  }

  /** The invitation a link was sent for, by the hash of its token. */
  invitationOfLink(tokenHash: string): string | null {
    const row = prepared(this.db, 'SELECT invitation_id FROM invitation_links WHERE token_hash = ?').get(tokenHash) as { invitation_id: string } | undefined;
    return row?.invitation_id ?? null;
  }
}
