import type { Decider } from '../../../shared/domain/decider';
import type { Event } from '../../../shared/domain/event-envelope';
import { AddressTaken, SubdomainTaken } from './channel.errors';

/**
 * Uniqueness across accounts without a cross-stream transaction: the first event of
 * `subdomainclaim-<sub>` and of `addressclaim-<address>` names the owner, appended with `no_stream`.
 * Claims are never released. Claiming again for the same account changes nothing.
 */
export type SubdomainClaimed = Event<'SubdomainClaimed', { subdomain: string; accountId: string }>;
export type AddressClaimed = Event<'AddressClaimed', { address: string; accountId: string }>;

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
