import type { Decider } from '../../../shared/domain/decider';
import type { InboundMailAccepted, InboundMailEvent, InboundMailFailed } from './inbound-mail.events';

export type InboundMailCommand =
  | { type: 'Accept'; accepted: InboundMailAccepted['data']; reprocessing: boolean }
  | { type: 'Fail'; failed: InboundMailFailed['data'] }
  | { type: 'MarkUnrouted'; inboundId: string; accountId: string; reason: string };

export interface InboundMailState {
  status: 'new' | 'accepted' | 'failed' | 'unrouted';
}

/**
 * One stream per inbound message, named by its deduplication id. A second delivery of the same mail
 * changes nothing; a failed or unrouted mail can be accepted again when an admin reprocesses it.
 */
export const inboundMailDecider: Decider<InboundMailState, InboundMailCommand, InboundMailEvent> = {
  initialState: () => ({ status: 'new' }),
  evolve: (state, event) => {
    switch (event.type) {
      case 'InboundMailAccepted':
        return { status: 'accepted' };
      case 'InboundMailFailed':
        return state.status === 'accepted' ? state : { status: 'failed' };
      case 'InboundMailUnrouted':
        return { status: 'unrouted' };
      default:
        return state;
    }
  },
  decide: (command, state) => {
    if (command.type === 'MarkUnrouted') {
      if (state.status !== 'accepted') return [];
      return [{ type: 'InboundMailUnrouted', data: { inboundId: command.inboundId, accountId: command.accountId, reason: command.reason } }];
    }
    if (state.status === 'accepted') return [];
    if (command.type === 'Accept') {
      // A second delivery changes nothing; an admin's reprocessing gives a failed or unrouted mail another go.
      const accept = state.status === 'new' || command.reprocessing;
      return accept ? [{ type: 'InboundMailAccepted', data: command.accepted }] : [];
    }
    return state.status === 'new' ? [{ type: 'InboundMailFailed', data: command.failed }] : [];
  },
};
