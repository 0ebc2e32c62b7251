import type { Decider } from '../../../shared/domain/decider';
import { NotFound } from '../../../shared/domain/domain-error';
import type { Event } from '../../../shared/domain/event-envelope';
import type { MailAddress, MailAttachment, MailKind, StoredPart } from './mail-types';

export interface InboundMessage {
  /** Our id of the message (the inbound mail's id). */
  messageId: string;
  internetMessageId: string | null;
  references: string[];
  /** Outlook's Thread-Index: replies share its first 22 bytes, even when they carry no In-Reply-To. */
  threadIndex: string | null;
  from: MailAddress | null;
  to: MailAddress[];
  cc: MailAddress[];
  subject: string;
  sentAt: string | null;
  receivedAt: string;
  kind: MailKind | 'form';
  text: StoredPart | null;
  html: StoredPart | null;
  replyText: string;
  attachments: MailAttachment[];
  omitted: Array<{ filename: string | null; size: number; reason: string }>;
  receivedWhileDisabled: boolean;
}

export interface ConversationContact {
  id: string;
  email: string;
  name: string;
}

export type ConversationStarted = Event<
  'ConversationStarted',
  {
    conversationId: string;
    accountId: string;
    channel: 'email' | 'form' | 'chat';
    subject: string;
    contact: ConversationContact;
    participants: string[];
    /** Plus-address token of the forwarding address that routes replies back here. */
    replyToken: string;
    /** Set when a stranger replied into another conversation: the one they replied to. */
    linkedTo: string | null;
    startedAt: string;
  }
>;
export type MessageReceived = Event<
  'MessageReceived',
  { conversationId: string; accountId: string; message: InboundMessage; newParticipants: string[] }
>;
export type ConversationReopened = Event<'ConversationReopened', { conversationId: string; accountId: string; because: 'reply' | 'agent' }>;
export type ConversationClosed = Event<'ConversationClosed', { conversationId: string; accountId: string }>;
export type ConversationAssigned = Event<'ConversationAssigned', { conversationId: string; accountId: string; assigneeId: string | null }>;
export type ConversationEvent = ConversationStarted | MessageReceived | ConversationReopened | ConversationClosed | ConversationAssigned;

export type ConversationCommand =
  | {
      type: 'StartConversation';
      conversationId: string;
      accountId: string;
      contact: ConversationContact;
      linkedTo: string | null;
      message: InboundMessage;
      ownDomain: string;
    }
  | StartFormConversation
  | { type: 'ReceiveMessage'; conversationId: string; accountId: string; message: InboundMessage; ownDomain: string }
  | { type: 'Close' | 'Reopen'; conversationId: string; accountId: string }
  | { type: 'Assign'; conversationId: string; accountId: string; assigneeId: string | null };

export interface ConversationState {
  started: boolean;
  status: 'open' | 'closed';
  assigneeId: string | null;
  participants: string[];
  messageIds: string[];
}

export const conversationStream = (conversationId: string) => `conversation-${conversationId}`;

/** The token in `username+<token>@…` that routes replies to this conversation. */
export const replyTokenFor = (conversationId: string) => `c${conversationId.replace(/-/g, '').slice(0, 20)}`;

/** Everyone on the mail who is not us: the sender, To and Cc. */
export function participantsOf(message: InboundMessage, ownDomain: string): string[] {
  const ours = (address: string) => address.endsWith(`.${ownDomain}`) || address.endsWith(`@${ownDomain}`);
  const all = [message.from, ...message.to, ...message.cc].filter((a): a is MailAddress => a !== null).map((a) => a.address);
  return [...new Set(all.filter((address) => !ours(address)))];
}

export const conversationDecider: Decider<ConversationState, ConversationCommand, ConversationEvent> = {
  initialState: () => ({ started: false, status: 'open', assigneeId: null, participants: [], messageIds: [] }),

  evolve: (state, event) => {
    switch (event.type) {
      case 'ConversationStarted':
        return { ...state, started: true, status: 'open', participants: event.data.participants };
      case 'MessageReceived':
        return {
          ...state,
          participants: [...state.participants, ...event.data.newParticipants],
          messageIds: [...state.messageIds, event.data.message.messageId],
        };
      case 'ConversationReopened':
        return { ...state, status: 'open' };
      case 'ConversationClosed':
        return { ...state, status: 'closed' };
      case 'ConversationAssigned':
        return { ...state, assigneeId: event.data.assigneeId };
      default:
        return state;
    }
  },

  decide: (command, state) => {
    if (command.type === 'StartFormConversation') return decideFormStart(command, state);
    if (!('message' in command)) return decideByAgent(command, state);
    const { conversationId, accountId, message } = command;
    if (state.messageIds.includes(message.messageId)) return [];
    const participants = participantsOf(message, command.ownDomain);
    if (command.type === 'StartConversation') {
      if (state.started) return [];
      const everyone = [...new Set([command.contact.email, ...participants])];
      return [
        {
          type: 'ConversationStarted',
          data: {
            conversationId,
            accountId,
            channel: 'email',
            subject: message.subject,
            contact: command.contact,
            participants: everyone,
            replyToken: replyTokenFor(conversationId),
            linkedTo: command.linkedTo,
            startedAt: message.receivedAt,
          },
        },
        { type: 'MessageReceived', data: { conversationId, accountId, message, newParticipants: [] } },
      ];
    }
    const newParticipants = participants.filter((p) => !state.participants.includes(p));
    const events: ConversationEvent[] = [{ type: 'MessageReceived', data: { conversationId, accountId, message, newParticipants } }];
    // A person's reply reopens a closed conversation; an auto-reply or a bounce does not.
    if (state.status === 'closed' && message.kind === 'mail') events.push({ type: 'ConversationReopened', data: { conversationId, accountId, because: 'reply' } });
    return events;
  },
};

/** What agents do to a conversation; doing what is already so records nothing. */
function decideByAgent(
  command: Extract<ConversationCommand, { type: 'Close' | 'Reopen' | 'Assign' }>,
  state: ConversationState,
): ConversationEvent[] {
  if (!state.started) throw new NotFound('Conversation');
  const { conversationId, accountId } = command;
  switch (command.type) {
    case 'Close':
      return state.status === 'closed' ? [] : [{ type: 'ConversationClosed', data: { conversationId, accountId } }];
    case 'Reopen':
      return state.status === 'open' ? [] : [{ type: 'ConversationReopened', data: { conversationId, accountId, because: 'agent' } }];
    case 'Assign':
      return state.assigneeId === command.assigneeId ? [] : [{ type: 'ConversationAssigned', data: { conversationId, accountId, assigneeId: command.assigneeId } }];
  }
}

/** A form submission opens a conversation whose first message holds the submitted fields. */
export interface StartFormConversation {
  type: 'StartFormConversation';
  conversationId: string;
  accountId: string;
  contact: ConversationContact;
  message: InboundMessage;
}

function decideFormStart(command: StartFormConversation, state: ConversationState): ConversationEvent[] {
  if (state.started) return [];
  const { conversationId, accountId, contact, message } = command;
  return [
    {
      type: 'ConversationStarted',
      data: {
        conversationId,
        accountId,
        channel: 'form',
        subject: message.subject,
        contact,
        participants: [contact.email],
        replyToken: replyTokenFor(conversationId),
        linkedTo: null,
        startedAt: message.receivedAt,
      },
    },
    { type: 'MessageReceived', data: { conversationId, accountId, message, newParticipants: [] } },
  ];
}
