import { z } from 'zod';
import type { Decider } from '../../../shared/domain/decider';
import type { Event } from '../../../shared/domain/event-envelope';
import { SignupClosed } from './accounts.errors';

/** With SIGNUP=closed, only the very first account may still sign up publicly: this stream decides which. */
export const FirstAccountClaimedData = z.object({ accountId: z.string().min(1) });
export type FirstAccountClaimed = Event<'FirstAccountClaimed', z.infer<typeof FirstAccountClaimedData>>;

export const FIRST_ACCOUNT_STREAM = 'installation-firstaccount';

export const firstAccountClaimDecider: Decider<{ claimed: boolean }, { accountId: string }, FirstAccountClaimed> = {
  initialState: () => ({ claimed: false }),
  evolve: (state, event) => (event.type === 'FirstAccountClaimed' ? { claimed: true } : state),
  decide: (command, state) => {
    if (state.claimed) throw new SignupClosed();
    return [{ type: 'FirstAccountClaimed', data: { accountId: command.accountId } }];
  },
};
