import { given } from '../../../shared/domain/decider.testing';
import { INVITATION_LIFETIME_MS, invitationDecider, type InvitationEvent } from './invitation.decider';

const H1 = '1'.repeat(64);
const H2 = '2'.repeat(64);
const sentAt = new Date('2026-12-01T10:00:00.000Z');
const later = (ms: number) => new Date(sentAt.getTime() + ms);
const DAY = 24 * 60 * 60 * 1000;

const sent: InvitationEvent = {
  type: 'InvitationSent',
  data: {
    invitationId: 'i1',
    accountId: 'a1',
    email: 'bea@example.com',
    role: 'agent',
    invitedBy: 'boss',
    tokenHash: H1,
    send: 1,
    invitedAt: sentAt.toISOString(),
    expiresAt: later(INVITATION_LIFETIME_MS).toISOString(),
  },
};
const resent: InvitationEvent = {
  type: 'InvitationResent',
  data: { invitationId: 'i1', resentBy: 'boss', tokenHash: H2, send: 2, resentAt: later(DAY).toISOString(), expiresAt: later(DAY + INVITATION_LIFETIME_MS).toISOString() },
};
const invite = { type: 'Invite' as const, invitationId: 'i1', accountId: 'a1', email: 'bea@example.com', role: 'agent' as const, by: 'boss', tokenHash: H1 };
const accept = (tokenHash: string) => ({ type: 'Accept' as const, invitationId: 'i1', tokenHash, userId: 'u9' });

describe('invitation decider', () => {
  it('sends an invitation that expires after 7 days', () => {
    given(invitationDecider).when(invite, { now: sentAt }).then([sent]);
  });

  it('refuses a second invitation to an address while one is pending, naming email', () => {
    given(invitationDecider, [sent]).when({ ...invite, tokenHash: H2 }, { now: later(DAY) }).thenFails({ code: 'INVITATIONS.ALREADY_INVITED', field: 'email' });
  });

  it('invites again once the pending one expired or was revoked: a new round with a new link and mail number', () => {
    const again = (now: Date) => ({
      type: 'InvitationSent',
      data: { ...sent.data, tokenHash: H2, send: 2, invitedAt: now.toISOString(), expiresAt: new Date(now.getTime() + INVITATION_LIFETIME_MS).toISOString() },
    });
    given(invitationDecider, [sent]).when({ ...invite, tokenHash: H2 }, { now: later(8 * DAY) }).then([again(later(8 * DAY))] as InvitationEvent[]);
    const revoked: InvitationEvent = { type: 'InvitationRevoked', data: { invitationId: 'i1', revokedBy: 'boss' } };
    given(invitationDecider, [sent, revoked]).when({ ...invite, tokenHash: H2 }, { now: later(DAY) }).then([again(later(DAY))] as InvitationEvent[]);
  });

  it('refuses to invite an address whose invitation was accepted', () => {
    const accepted: InvitationEvent = { type: 'InvitationAccepted', data: { invitationId: 'i1', accountId: 'a1', userId: 'u9', acceptedAt: later(DAY).toISOString() } };
    given(invitationDecider, [sent, accepted]).when(invite, { now: later(2 * DAY) }).thenFails({ code: 'ACCOUNTS.EMAIL_TAKEN', field: 'email' });
  });

  it('resends with a new link and a new expiry; the old link is dead from then on', () => {
    given(invitationDecider, [sent]).when({ type: 'Resend', invitationId: 'i1', by: 'boss', tokenHash: H2 }, { now: later(DAY) }).then([resent]);
    given(invitationDecider, [sent, resent]).when(accept(H1), { now: later(DAY) }).thenFails({ code: 'INVITATIONS.LINK_INVALID' });
    given(invitationDecider, [sent, resent]).when(accept(H2), { now: later(7 * DAY + 1) }).then([
      { type: 'InvitationAccepted', data: { invitationId: 'i1', accountId: 'a1', userId: 'u9', acceptedAt: later(7 * DAY + 1).toISOString() } },
    ]);
  });

  it('resends an expired invitation, but not a revoked, accepted or unknown one', () => {
    given(invitationDecider, [sent]).when({ type: 'Resend', invitationId: 'i1', by: 'boss', tokenHash: H2 }, { now: later(10 * DAY) }).then([
      { type: 'InvitationResent', data: { ...resent.data, resentAt: later(10 * DAY).toISOString(), expiresAt: later(10 * DAY + INVITATION_LIFETIME_MS).toISOString() } },
    ]);
    const revoked: InvitationEvent = { type: 'InvitationRevoked', data: { invitationId: 'i1', revokedBy: 'boss' } };
    given(invitationDecider, [sent, revoked]).when({ type: 'Resend', invitationId: 'i1', by: 'boss', tokenHash: H2 }, { now: later(DAY) }).thenFails({ code: 'INVITATIONS.REVOKED' });
    given(invitationDecider).when({ type: 'Resend', invitationId: 'i1', by: 'boss', tokenHash: H2 }, { now: later(DAY) }).thenFails({ kind: 'not_found' });
  });

  it('revokes once; the link is refused as invalid afterwards', () => {
    const revoked: InvitationEvent = { type: 'InvitationRevoked', data: { invitationId: 'i1', revokedBy: 'boss' } };
    given(invitationDecider, [sent]).when({ type: 'Revoke', invitationId: 'i1', by: 'boss' }, { now: later(DAY) }).then([revoked]);
    given(invitationDecider, [sent, revoked]).when({ type: 'Revoke', invitationId: 'i1', by: 'boss' }, { now: later(DAY) }).then([]);
    given(invitationDecider, [sent, revoked]).when(accept(H1), { now: later(DAY) }).thenFails({ code: 'INVITATIONS.LINK_INVALID', field: 'token' });
  });

  it('accepts a live link once: used, expired and unknown links are refused with distinct codes', () => {
    const accepted: InvitationEvent = { type: 'InvitationAccepted', data: { invitationId: 'i1', accountId: 'a1', userId: 'u9', acceptedAt: later(DAY).toISOString() } };
    given(invitationDecider, [sent]).when(accept(H1), { now: later(DAY) }).then([accepted]);
    given(invitationDecider, [sent, accepted]).when(accept(H1), { now: later(DAY) }).thenFails({ code: 'INVITATIONS.LINK_USED' });
    given(invitationDecider, [sent]).when(accept(H1), { now: later(INVITATION_LIFETIME_MS) }).thenFails({ code: 'INVITATIONS.LINK_EXPIRED' });
    given(invitationDecider, [sent]).when(accept(H2), { now: later(DAY) }).thenFails({ code: 'INVITATIONS.LINK_INVALID' });
    given(invitationDecider).when(accept(H1), { now: later(DAY) }).thenFails({ code: 'INVITATIONS.LINK_INVALID' });
  });
});
