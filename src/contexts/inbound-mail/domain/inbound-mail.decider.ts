import type { Decider } from '../../../shared/domain/decider';
import type { InboundMailAccepted, InboundMailEvent, InboundMailFailed } from './inbound-mail.events';

export type InboundMailCommand =
  | { type: 'Accept'; accepted: InboundMailAccepted['data'] }
  | { type: 'Fail'; failed: InboundMailFailed['data'] };

export interface InboundMailState {
  status: 'new' | 'accepted' | 'failed';
}

/**
 * One stream per inbound message, named by its deduplication id. A second delivery of the same mail
 * changes nothing; a failed mail can be accepted later, when reprocessing parses it.
 */
export const inboundMailDecider: Decider<InboundMailState, InboundMailCommand, InboundMailEvent> = {
  initialState: () => ({ status: 'new' }),
  evolve: (state, event) => {
    switch (event.type) {
      case 'InboundMailAccepted':
        return { status: 'accepted' };
      case 'InboundMailFailed':
        return state.status === 'accepted' ? state : { status: 'failed' };
      default:
        return state;
    }
  },
  decide: (command, state) => {
    if (state.status === 'accepted') return [];
    if (command.type === 'Accept') return [{ type: 'InboundMailAccepted', data: command.accepted }];
    return state.status === 'failed' ? [] : [{ type: 'InboundMailFailed', data: command.failed }];
  },
};
