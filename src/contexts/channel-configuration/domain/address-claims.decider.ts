import { z } from 'zod';
import type { Decider } from '../../../shared/domain/decider';
import type { Event } from '../../../shared/domain/event-envelope';
import { AddressTaken, SubdomainTaken } from './channel.errors';

/**
 * Uniqueness across accounts without a cross-stream transaction: the first event of
 * `subdomainclaim-<sub>` and of `addressclaim-<address>` names the owner, appended with `no_stream`.
 * Claims are never released. Claiming again for the same account changes nothing.
 */
export const SubdomainClaimedData = z.object({ subdomain: z.string().min(1), accountId: z.string().min(1) });
export type SubdomainClaimed = Event<'SubdomainClaimed', z.infer<typeof SubdomainClaimedData>>;
export const AddressClaimedData = z.object({ address: z.string().min(3), accountId: z.string().min(1) });
export type AddressClaimed = Event<'AddressClaimed', z.infer<typeof AddressClaimedData>>;

export const subdomainClaimStream = (subdomain: string) => `subdomainclaim-${subdomain}`;
export const addressClaimStream = (address: string) => `addressclaim-${address}`;

type Owner = { owner: string | null };

export const subdomainClaimDecider: Decider<Owner, { subdomain: string; accountId: string }, SubdomainClaimed> = {
  initialState: () => ({ owner: null }),
  evolve: (state, event) => (event.type === 'SubdomainClaimed' && state.owner === null ? { owner: event.data.accountId } : state),
  decide: (command, state) => {
    if (state.owner === command.accountId) return [];
    if (state.owner !== null) throw new SubdomainTaken(command.subdomain);
    return [{ type: 'SubdomainClaimed', data: command }];
  },
};

export const addressClaimDecider: Decider<Owner, { address: string; accountId: string }, AddressClaimed> = {
  initialState: () => ({ owner: null }),
  evolve: (state, event) => (event.type === 'AddressClaimed' && state.owner === null ? { owner: event.data.accountId } : state),
  decide: (command, state) => {
    if (state.owner === command.accountId) return [];
    if (state.owner !== null) throw new AddressTaken(command.address);
    return [{ type: 'AddressClaimed', data: command }];
  },
};
