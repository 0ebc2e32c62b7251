import { z } from 'zod';
import type { Decider } from '../../../shared/domain/decider';
import { deterministicId } from '../../../shared/domain/deterministic-id';
import { NotFound } from '../../../shared/domain/domain-error';
import type { Event } from '../../../shared/domain/event-envelope';
import { Role, Timestamp } from '../../../shared/domain/event-schema';
import { EmailAlreadyRegistered, InvitationClosed, InvitationLinkExpired, InvitationLinkInvalid, InvitationLinkUsed, InvitationPending } from './accounts.errors';

/** How long an invitation link works after it was sent (or sent again). */
export const INVITATION_LIFETIME_MS = 7 * 24 * 60 * 60 * 1000;

const Id = z.string().min(1);
/** SHA-256 of the link's token, hex: the log never holds a usable link. */
const TokenHash = z.string().regex(/^[0-9a-f]{64}$/, 'expected a SHA-256 hex digest');
/** Which mail of this invitation a link went out in (1 for the first): keys the mail, so none is sent twice. */
const Send = z.number().int().positive();

export const InvitationSentData = z.object({
  invitationId: Id,
  accountId: Id,
  email: z.string().min(1),
  role: Role,
  invitedBy: Id,
  tokenHash: TokenHash,
  send: Send,
  invitedAt: Timestamp,
  expiresAt: Timestamp,
});
export type InvitationSent = Event<'InvitationSent', z.infer<typeof InvitationSentData>>;
/** A new link for a pending invitation: the one before it stops working. */
export const InvitationResentData = z.object({ invitationId: Id, resentBy: Id, tokenHash: TokenHash, send: Send, resentAt: Timestamp, expiresAt: Timestamp });
export type InvitationResent = Event<'InvitationResent', z.infer<typeof InvitationResentData>>;
export const InvitationRevokedData = z.object({ invitationId: Id, revokedBy: Id });
export type InvitationRevoked = Event<'InvitationRevoked', z.infer<typeof InvitationRevokedData>>;
export const InvitationAcceptedData = z.object({ invitationId: Id, accountId: Id, userId: Id, acceptedAt: Timestamp });
export type InvitationAccepted = Event<'InvitationAccepted', z.infer<typeof InvitationAcceptedData>>;
export type InvitationEvent = InvitationSent | InvitationResent | InvitationRevoked | InvitationAccepted;

export type InvitationCommand =
  /** `email` already checked and normalized, `role` an assignable one. */
  | { type: 'Invite'; invitationId: string; accountId: string; email: string; role: Role; by: string; tokenHash: string }
  | { type: 'Resend'; invitationId: string; by: string; tokenHash: string }
  | { type: 'Revoke'; invitationId: string; by: string }
  | { type: 'Accept'; invitationId: string; tokenHash: string; userId: string };

export interface InvitationState {
  status: 'none' | 'pending' | 'accepted' | 'revoked';
  accountId: string;
  email: string;
  role: Role | null;
  /** The hash of the one link that works (or worked, once accepted). */
  tokenHash: string;
  expiresAt: string;
  sends: number;
}

/**
 * One stream per invited address in an account, so that "one pending invitation per address" is
 * decided in one stream, without a race between two admins. A revoked or expired invitation can be
 * sent again on it: a new round with a new link.
 */
export const invitationIdOf = (accountId: string, normalizedEmail: string) => deterministicId('invitation', accountId, normalizedEmail);
export const invitationStream = (invitationId: string) => `invitation-${invitationId}`;

/** The user an invitation's link creates: the same for a repeated or concurrent accept of one link, so it registers once. */
export const invitedUserIdOf = (invitationId: string, send: number) => deterministicId('invited-user', invitationId, String(send));

export const isExpired = (state: Pick<InvitationState, 'expiresAt'>, now: Date) => Date.parse(state.expiresAt) <= now.getTime();

export const invitationDecider: Decider<InvitationState, InvitationCommand, InvitationEvent, { now: Date }> = {
  initialState: () => ({ status: 'none', accountId: '', email: '', role: null, tokenHash: '', expiresAt: '', sends: 0 }),

  evolve: (state, event) => {
    switch (event.type) {
      case 'InvitationSent': {
        const { accountId, email, role, tokenHash, expiresAt, send } = event.data;
        return { status: 'pending', accountId, email, role, tokenHash, expiresAt, sends: send };
      }
      case 'InvitationResent':
        return { ...state, tokenHash: event.data.tokenHash, expiresAt: event.data.expiresAt, sends: event.data.send };
      case 'InvitationRevoked':
        return { ...state, status: 'revoked' };
      case 'InvitationAccepted':
        return { ...state, status: 'accepted' };
      default:
        return state;
    }
  },

  decide: (command, state, { now }) => {
    const expiresAt = new Date(now.getTime() + INVITATION_LIFETIME_MS).toISOString();
    switch (command.type) {
      case 'Invite': {
        if (state.status === 'accepted') throw new EmailAlreadyRegistered();
        if (state.status === 'pending' && !isExpired(state, now)) throw new InvitationPending();
        const { invitationId, accountId, email, role, by, tokenHash } = command;
        return [
          {
            type: 'InvitationSent',
            data: { invitationId, accountId, email, role, invitedBy: by, tokenHash, send: state.sends + 1, invitedAt: now.toISOString(), expiresAt },
          },
        ];
      }
      case 'Resend': {
        if (state.status === 'none') throw new NotFound('Invitation');
        if (state.status !== 'pending') throw new InvitationClosed(state.status);
        const { invitationId, by, tokenHash } = command;
        return [{ type: 'InvitationResent', data: { invitationId, resentBy: by, tokenHash, send: state.sends + 1, resentAt: now.toISOString(), expiresAt } }];
      }
      case 'Revoke': {
        if (state.status === 'none') throw new NotFound('Invitation');
        if (state.status === 'revoked') return [];
        if (state.status === 'accepted') throw new InvitationClosed('accepted');
        return [{ type: 'InvitationRevoked', data: { invitationId: command.invitationId, revokedBy: command.by } }];
      }
      case 'Accept': {
        // A link that is not the current one was replaced or never issued; the current one of a revoked invitation is dead too.
        if (state.status === 'none' || command.tokenHash !== state.tokenHash || state.status === 'revoked') throw new InvitationLinkInvalid();
        if (state.status === 'accepted') throw new InvitationLinkUsed();
        if (isExpired(state, now)) throw new InvitationLinkExpired();
        return [{ type: 'InvitationAccepted', data: { invitationId: command.invitationId, accountId: state.accountId, userId: command.userId, acceptedAt: now.toISOString() } }];
      }
    }
  },
};
