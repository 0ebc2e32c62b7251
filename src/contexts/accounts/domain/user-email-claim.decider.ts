import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { Decider } from '../../../shared/domain/decider';
import type { Event } from '../../../shared/domain/event-envelope';
import { EmailAlreadyRegistered } from './accounts.errors';

/**
 * A user email is unique across the product. The first event of `useremail-<hash>` claims it; a
 * second claimer loses the `no_stream` append or finds the claim.
 */
export const UserEmailClaimedData = z.object({ email: z.string().min(1), userId: z.string().min(1), accountId: z.string().min(1) });
export type UserEmailClaimed = Event<'UserEmailClaimed', z.infer<typeof UserEmailClaimedData>>;

export type ClaimUserEmail = { email: string; userId: string; accountId: string };

export const userEmailStream = (normalizedEmail: string) =>
  `useremail-${createHash('sha256').update(normalizedEmail).digest('hex').slice(0, 40)}`;

export const userEmailClaimDecider: Decider<{ claimedBy: string | null }, ClaimUserEmail, UserEmailClaimed> = {
  initialState: () => ({ claimedBy: null }),
  evolve: (state, event) => (event.type === 'UserEmailClaimed' ? { claimedBy: event.data.userId } : state),
  decide: (command, state) => {
    if (state.claimedBy === command.userId) return [];
    if (state.claimedBy !== null) throw new EmailAlreadyRegistered();
    return [{ type: 'UserEmailClaimed', data: command }];
  },
};
