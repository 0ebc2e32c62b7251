import { z } from 'zod';
import type { Decider } from '../../../shared/domain/decider';
import type { Event } from '../../../shared/domain/event-envelope';
import { Chained, hashOf } from './hash-chain';

export const ChatChannelEnabledData = Chained.extend({ accountId: z.string().min(1) });
export type ChatChannelEnabled = Event<'ChatChannelEnabled', z.infer<typeof ChatChannelEnabledData>>;
export const ChatChannelDisabledData = Chained.extend({ accountId: z.string().min(1) });
export type ChatChannelDisabled = Event<'ChatChannelDisabled', z.infer<typeof ChatChannelDisabledData>>;
export type ChatChannelEvent = ChatChannelEnabled | ChatChannelDisabled;

export type ChatChannelCommand = { type: 'SwitchChatChannel'; accountId: string; enabled: boolean };
export interface ChatChannelState {
  enabled: boolean;
  lastHash: string | null;
}

export const chatChannelStream = (accountId: string) => `chatchannel-${accountId}`;

/** The chat channel starts switched off; admins switch it on and off. */
export const chatChannelDecider: Decider<ChatChannelState, ChatChannelCommand, ChatChannelEvent> = {
  initialState: () => ({ enabled: false, lastHash: null }),
  evolve: (state, event) => {
    switch (event.type) {
      case 'ChatChannelEnabled':
        return { enabled: true, lastHash: hashOf(event) };
      case 'ChatChannelDisabled':
        return { enabled: false, lastHash: hashOf(event) };
      default:
        return state;
    }
  },
  decide: (command, state) => {
    if (command.enabled === state.enabled) return [];
    const data = { accountId: command.accountId, previousHash: state.lastHash };
    return [command.enabled ? { type: 'ChatChannelEnabled', data } : { type: 'ChatChannelDisabled', data }];
  },
};
