import type { ChatChannelEvent } from './chat-channel.decider';
import { chatChannelDecider } from './chat-channel.decider';
import type { EmailChannelEvent } from './email-channel.decider';
import { emailChannelDecider } from './email-channel.decider';
import { verifyChain, type ChainVerdict } from './hash-chain';

export interface ConfigurationEvent {
  stream: 'email' | 'chat';
  revision: number;
  type: string;
  data: unknown;
  occurredAt: string;
}

export interface ChannelConfigurationState {
  email: {
    enabled: boolean;
    defaultSubject: string | null;
    fromName: string | null;
    plainTextOnly: boolean;
    signature?: string;
    forwardingAddress: string | null;
    replySubject: 'thread' | 'default' | null;
    quoteHistory: boolean | null;
  };
  chat: { enabled: boolean };
}

/** The channels as they stood at `at` (inclusive), replayed from their events; the whole history when `at` is null. */
export function replayConfiguration(events: readonly ConfigurationEvent[], at: Date | null): ChannelConfigurationState {
  const upTo = events.filter((event) => at === null || new Date(event.occurredAt) <= at);
  const email = upTo
    .filter((event) => event.stream === 'email')
    .reduce((state, event) => emailChannelDecider.evolve(state, event as unknown as EmailChannelEvent), emailChannelDecider.initialState());
  const chat = upTo
    .filter((event) => event.stream === 'chat')
    .reduce((state, event) => chatChannelDecider.evolve(state, event as unknown as ChatChannelEvent), chatChannelDecider.initialState());
  return {
    email: email.created
      ? {
          enabled: email.enabled,
          defaultSubject: email.defaultSubject,
          fromName: email.fromName,
          plainTextOnly: email.plainTextOnly,
          signature: email.signature,
          forwardingAddress: email.forwardingAddress,
          replySubject: email.replySubject,
          quoteHistory: email.quoteHistory,
        }
      : { enabled: false, defaultSubject: null, fromName: null, plainTextOnly: false, forwardingAddress: null, replySubject: null, quoteHistory: null },
    chat: { enabled: chat.enabled },
  };
}

export function verifyConfigurationChains(events: readonly ConfigurationEvent[]): { intact: boolean; email: ChainVerdict; chat: ChainVerdict } {
  const email = verifyChain(events.filter((event) => event.stream === 'email'));
  const chat = verifyChain(events.filter((event) => event.stream === 'chat'));
  return { intact: email.intact && chat.intact, email, chat };
}
