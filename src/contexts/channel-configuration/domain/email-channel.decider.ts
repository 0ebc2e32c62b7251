import { z } from 'zod';
import type { Decider } from '../../../shared/domain/decider';
import type { Event } from '../../../shared/domain/event-envelope';
import { InvalidInput } from '../../../shared/domain/domain-error';
import { ForwardingAddressAlreadySet, EmailChannelNotReady } from './channel.errors';
import { checkSignature } from '../../../shared/domain/signature';
import { Chained, hashOf } from './hash-chain';
import { checkDefaultSubject, checkFromName, DEFAULT_SUBJECT, defaultFromName } from './templates';

const AccountId = z.string().min(1);
export const EmailChannelCreatedData = Chained.extend({ accountId: AccountId, defaultSubject: z.string(), fromName: z.string() });
export type EmailChannelCreated = Event<'EmailChannelCreated', z.infer<typeof EmailChannelCreatedData>>;
export const EmailChannelEnabledData = Chained.extend({ accountId: AccountId, because: z.enum(['account_opened', 'admin']) });
export type EmailChannelEnabled = Event<'EmailChannelEnabled', z.infer<typeof EmailChannelEnabledData>>;
export const EmailChannelDisabledData = Chained.extend({ accountId: AccountId });
export type EmailChannelDisabled = Event<'EmailChannelDisabled', z.infer<typeof EmailChannelDisabledData>>;
export const DefaultSubjectChangedData = Chained.extend({ accountId: AccountId, defaultSubject: z.string() });
export type DefaultSubjectChanged = Event<'DefaultSubjectChanged', z.infer<typeof DefaultSubjectChangedData>>;
export const FromNameChangedData = Chained.extend({ accountId: AccountId, fromName: z.string() });
export type FromNameChanged = Event<'FromNameChanged', z.infer<typeof FromNameChangedData>>;
/** Replies go as text/plain only (no HTML part), or as HTML with a text alternative. */
export const PlainTextOnlyChangedData = Chained.extend({ accountId: AccountId, plainTextOnly: z.boolean() });
export type PlainTextOnlyChanged = Event<'PlainTextOnlyChanged', z.infer<typeof PlainTextOnlyChangedData>>;
/** The channel's signature, appended to every email reply below the agent's; empty when removed. */
export const ChannelSignatureChangedData = Chained.extend({ accountId: AccountId, signature: z.string() });
export type ChannelSignatureChanged = Event<'ChannelSignatureChanged', z.infer<typeof ChannelSignatureChangedData>>;
/** What subject an email reply starts with: `Re:` and the customer's subject (thread), or the default subject. */
export const ReplySubjectMode = z.enum(['thread', 'default']);
export type ReplySubjectMode = z.infer<typeof ReplySubjectMode>;
export const ReplySubjectChangedData = Chained.extend({ accountId: AccountId, replySubject: ReplySubjectMode });
export type ReplySubjectChanged = Event<'ReplySubjectChanged', z.infer<typeof ReplySubjectChangedData>>;
/** Whether an email reply quotes the message it answers below the agent's text. */
export const QuoteHistoryChangedData = Chained.extend({ accountId: AccountId, quoteHistory: z.boolean() });
export type QuoteHistoryChanged = Event<'QuoteHistoryChanged', z.infer<typeof QuoteHistoryChangedData>>;
export const ForwardingAddressClaimedData = Chained.extend({ accountId: AccountId, address: z.string().min(3), username: z.string().min(1), subdomain: z.string().min(1) });
export type ForwardingAddressClaimed = Event<'ForwardingAddressClaimed', z.infer<typeof ForwardingAddressClaimedData>>;
export type EmailChannelEvent =
  | EmailChannelCreated
  | EmailChannelEnabled
  | EmailChannelDisabled
  | DefaultSubjectChanged
  | FromNameChanged
  | PlainTextOnlyChanged
  | ChannelSignatureChanged
  | ReplySubjectChanged
  | QuoteHistoryChanged
  | ForwardingAddressClaimed;

export type EmailChannelCommand =
  | { type: 'OpenEmailChannel'; accountId: string; accountName: string }
  | {
      type: 'ChangeEmailChannel';
      accountId: string;
      enabled?: boolean;
      defaultSubject?: string;
      fromName?: string;
      plainTextOnly?: boolean;
      signature?: string;
      replySubject?: ReplySubjectMode;
      quoteHistory?: boolean;
    }
  | { type: 'RecordForwardingAddress'; accountId: string; address: string; username: string; subdomain: string };

export interface EmailChannelState {
  created: boolean;
  enabled: boolean;
  defaultSubject: string;
  fromName: string;
  /** Replies go as plain text only (false until an admin switches it on). */
  plainTextOnly: boolean;
  /** Empty when the channel has none. */
  signature: string;
  forwardingAddress: string | null;
  replySubject: ReplySubjectMode;
  quoteHistory: boolean;
  /** Hash of the last event, carried by the next one. */
  lastHash: string | null;
}

function checkReplySubject(mode: string): ReplySubjectMode {
  const parsed = ReplySubjectMode.safeParse(mode);
  if (!parsed.success) throw new InvalidInput('replySubject', 'replySubject must be thread or default', 'CHANNEL.REPLY_SUBJECT_UNKNOWN');
  return parsed.data;
}

export const emailChannelStream = (accountId: string) => `emailchannel-${accountId}`;

export const initialEmailChannel = (): EmailChannelState => ({
  created: false,
  enabled: false,
  defaultSubject: DEFAULT_SUBJECT,
  fromName: '',
  plainTextOnly: false,
  signature: '',
  forwardingAddress: null,
  // Before the settings existed, replies had the default subject and no quote; the defaults now are the thread's subject and a quote.
  replySubject: 'thread',
  quoteHistory: true,
  lastHash: null,
});

export function evolveEmailChannel(state: EmailChannelState, event: EmailChannelEvent): EmailChannelState {
  const lastHash = hashOf(event);
  switch (event.type) {
    case 'EmailChannelCreated':
      return { ...state, created: true, defaultSubject: event.data.defaultSubject, fromName: event.data.fromName, lastHash };
    case 'EmailChannelEnabled':
      return { ...state, enabled: true, lastHash };
    case 'EmailChannelDisabled':
      return { ...state, enabled: false, lastHash };
    case 'DefaultSubjectChanged':
      return { ...state, defaultSubject: event.data.defaultSubject, lastHash };
    case 'FromNameChanged':
      return { ...state, fromName: event.data.fromName, lastHash };
    case 'PlainTextOnlyChanged':
      return { ...state, plainTextOnly: event.data.plainTextOnly, lastHash };
    case 'ChannelSignatureChanged':
      return { ...state, signature: event.data.signature, lastHash };
    case 'ReplySubjectChanged':
      return { ...state, replySubject: event.data.replySubject, lastHash };
    case 'QuoteHistoryChanged':
      return { ...state, quoteHistory: event.data.quoteHistory, lastHash };
    case 'ForwardingAddressClaimed':
      return { ...state, forwardingAddress: event.data.address, lastHash };
    default:
      return state;
  }
}

type Unchained<E> = E extends Event<infer T, infer D> ? Event<T, Omit<D, 'previousHash'>> : never;

/** Links each new event to the one before it (the stream's last, then each other in order). */
function chain(state: EmailChannelState, events: Array<Unchained<EmailChannelEvent>>): EmailChannelEvent[] {
  let previousHash = state.lastHash;
  return events.map((unchained) => {
    const event = { type: unchained.type, data: { ...unchained.data, previousHash } } as EmailChannelEvent;
    previousHash = hashOf(event);
    return event;
  });
}

export const emailChannelDecider: Decider<EmailChannelState, EmailChannelCommand, EmailChannelEvent> = {
  initialState: initialEmailChannel,
  evolve: evolveEmailChannel,
  decide: (command, state) => {
    const { accountId } = command;
    switch (command.type) {
      case 'OpenEmailChannel':
        // Opening an account switches email on; this is the event that says so, and why.
        if (state.created) return [];
        return chain(state, [
          {
            type: 'EmailChannelCreated',
            data: { accountId, defaultSubject: DEFAULT_SUBJECT, fromName: checkFromName(defaultFromName(command.accountName)) },
          },
          { type: 'EmailChannelEnabled', data: { accountId, because: 'account_opened' } },
        ]);
      case 'ChangeEmailChannel': {
        if (!state.created) throw new EmailChannelNotReady();
        const changes: Array<Unchained<EmailChannelEvent>> = [];
        if (command.defaultSubject !== undefined) {
          const defaultSubject = checkDefaultSubject(command.defaultSubject);
          if (defaultSubject !== state.defaultSubject) changes.push({ type: 'DefaultSubjectChanged', data: { accountId, defaultSubject } });
        }
        if (command.fromName !== undefined) {
          const fromName = checkFromName(command.fromName);
          if (fromName !== state.fromName) changes.push({ type: 'FromNameChanged', data: { accountId, fromName } });
        }
        if (command.plainTextOnly !== undefined && command.plainTextOnly !== state.plainTextOnly) {
          changes.push({ type: 'PlainTextOnlyChanged', data: { accountId, plainTextOnly: command.plainTextOnly } });
        }
        if (command.signature !== undefined) {
          const signature = checkSignature('signature', command.signature);
          if (signature !== state.signature) changes.push({ type: 'ChannelSignatureChanged', data: { accountId, signature } });
        }
        if (command.replySubject !== undefined && command.replySubject !== state.replySubject) {
          changes.push({ type: 'ReplySubjectChanged', data: { accountId, replySubject: checkReplySubject(command.replySubject) } });
        }
        if (command.quoteHistory !== undefined && command.quoteHistory !== state.quoteHistory) {
          changes.push({ type: 'QuoteHistoryChanged', data: { accountId, quoteHistory: command.quoteHistory } });
        }
        if (command.enabled !== undefined && command.enabled !== state.enabled) {
          changes.push(
            command.enabled
              ? { type: 'EmailChannelEnabled', data: { accountId, because: 'admin' } }
              : { type: 'EmailChannelDisabled', data: { accountId } },
          );
        }
        return chain(state, changes);
      }
      case 'RecordForwardingAddress': {
        if (!state.created) throw new EmailChannelNotReady();
        if (state.forwardingAddress === command.address) return [];
        if (state.forwardingAddress !== null) throw new ForwardingAddressAlreadySet(state.forwardingAddress);
        const { address, username, subdomain } = command;
        return chain(state, [{ type: 'ForwardingAddressClaimed', data: { accountId, address, username, subdomain } }]);
      }
    }
  },
};
