import type { Decider } from '../../../shared/domain/decider';
import type { InboundMailAccepted, InboundMailEvent, InboundMailFailed } from './inbound-mail.events';

export type InboundMailCommand =
  | { type: 'Accept'; accepted: InboundMailAccepted['data'] }
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
    // Reprocessing accepts a failed or unrouted mail again, so threading gets another go at it.
    if (command.type === 'Accept') return [{ type: 'InboundMailAccepted', data: command.accepted }];
    return state.status === 'new' ? [{ type: 'InboundMailFailed', data: command.failed }] : [];
  },
};
