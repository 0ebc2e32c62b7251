import { z } from 'zod';
import type { Decider } from '../../../shared/domain/decider';
import { InvalidInput, NotFound } from '../../../shared/domain/domain-error';
import type { Event } from '../../../shared/domain/event-envelope';
import { Timestamp } from '../../../shared/domain/event-schema';
import { BodyTruncation, MailAttachment, MailKind, MessageAddress, OmittedPart, SenderAuthentication, StoredPart } from './mail-types';
import { CHAT_COMMANDS, chatSubject, type ChatCommand, type ChatEvent } from './chat-conversation';
import { ConversationContact } from './conversation-contact';
import { composeReply, ownTextOf, type ReplyDraft, type ReplyQueued } from './outgoing-reply';
import { routeReply, type SendingChannel } from './reply-rules';
import { replyTokenFor } from '../../../shared/domain/reply-address';
import { mergeParticipants, participantsAddedBy, participantsOf } from './participants';
import { decideNote, type AddNote, type NoteAdded } from './internal-note';
import { arrivedSince, excerptOf, SendHeld, type ThreadEntry } from './collision';
import { decideSnooze, SNOOZE_COMMANDS, woke, type SnoozeCommand, type SnoozeEvent } from './snooze';
import { decideTags, tagsAfter, type ConversationTagsChanged, type SetTags } from './conversation-tags';
import { copiesOf, singleRecipientOf, type CopiesInput } from './recipients';

export type { ReplyQueued } from './outgoing-reply';

/** A mail (or a form submission) as it enters a conversation: what threading copied from the parsed mail. */
export const InboundMessage = z.object({
  /** Our id of the message (the inbound mail's id). */
  messageId: z.string().min(1),
  internetMessageId: z.string().min(1).nullable(),
  references: z.array(z.string().min(1)),
  /** Outlook's Thread-Index: replies share its first 22 bytes, even when they carry no In-Reply-To. */
  threadIndex: z.string().min(1).nullable(),
  from: MessageAddress.nullable(),
  to: z.array(MessageAddress),
  cc: z.array(MessageAddress),
  subject: z.string(),
  sentAt: Timestamp.nullable(),
  receivedAt: Timestamp,
  kind: z.union([MailKind, z.literal('form')]),
  text: StoredPart.nullable(),
  html: StoredPart.nullable(),
  replyText: z.string(),
  attachments: z.array(MailAttachment),
  omitted: z.array(OmittedPart),
  receivedWhileDisabled: z.boolean(),
  /** The mail's text or HTML body was cut to the bounds of intake; its raw message has all of it. */
  truncated: BodyTruncation.optional(),
  /** Sender verification at intake (SPF, DKIM, DMARC, ARC); absent on mail from before it, and on forms and chat. */
  authentication: SenderAuthentication.optional(),
});
export type InboundMessage = z.infer<typeof InboundMessage>;

export { ConversationContact };

const Ids = { conversationId: z.string().min(1), accountId: z.string().min(1) };

export const ConversationStartedData = z.object({
  ...Ids,
  channel: z.enum(['email', 'chat', 'form']),
  subject: z.string(),
  contact: ConversationContact,
  participants: z.array(z.string()),
  /** Plus-address token of the forwarding address that routes replies back here. */
  replyToken: z.string().min(1),
  /** Set when a stranger replied into another conversation: the one they replied to. */
  linkedTo: z.string().min(1).nullable(),
  /**
   * Why it is linked rather than part of `linkedTo`: the sender is no participant there, or the
   * sender named a participant but failed DMARC for a domain that enforces it (the thread warns).
   * Absent on conversations started before sender verification, and on unlinked ones.
   */
  linkReason: z.enum(['sender-not-participant', 'unverified-sender']).optional(),
  startedAt: Timestamp,
});
export type ConversationStarted = Event<'ConversationStarted', z.infer<typeof ConversationStartedData>>;
export const MessageReceivedData = z.object({ ...Ids, message: InboundMessage, newParticipants: z.array(z.string()) });
export type MessageReceived = Event<'MessageReceived', z.infer<typeof MessageReceivedData>>;
export const ConversationReopenedData = z.object({ ...Ids, because: z.enum(['reply', 'agent']) });
export type ConversationReopened = Event<'ConversationReopened', z.infer<typeof ConversationReopenedData>>;
export const ConversationClosedData = z.object(Ids);
export type ConversationClosed = Event<'ConversationClosed', z.infer<typeof ConversationClosedData>>;
export const ConversationAssignedData = z.object({ ...Ids, assigneeId: z.string().min(1).nullable() });
export type ConversationAssigned = Event<'ConversationAssigned', z.infer<typeof ConversationAssignedData>>;
export type ConversationEvent =
  | ConversationStarted
  | MessageReceived
  | ConversationReopened
  | ConversationClosed
  | ConversationAssigned
  | ReplyQueued
  | NoteAdded
  | ConversationTagsChanged
  | ChatEvent
  | SnoozeEvent;

export type ConversationCommand =
  | {
      type: 'StartConversation';
      conversationId: string;
      accountId: string;
      contact: ConversationContact;
      linkedTo: string | null;
      linkReason?: 'sender-not-participant' | 'unverified-sender';
      message: InboundMessage;
      ownDomain: string;
    }
  | StartFormConversation
  | { type: 'ReceiveMessage'; conversationId: string; accountId: string; message: InboundMessage; ownDomain: string }
  | { type: 'Close' | 'Reopen'; conversationId: string; accountId: string }
  | { type: 'Assign'; conversationId: string; accountId: string; assigneeId: string | null }
  | SendReply
  | AddNote
  | SetTags
  | ChatCommand
  | SnoozeCommand;

/**
 * An agent's reply, with what the stream cannot know: the reply as an email (rendered from the
 * channel's templates), the email channel, and whether the visitor is in the chat. The decider
 * routes it and records it once: queued for the outbox, or posted into the chat.
 */
export interface SendReply {
  type: 'SendReply';
  conversationId: string;
  accountId: string;
  messageId: string;
  author: { id: string; name: string };
  /** The agent's words as the chat shows them. */
  text: string;
  /** The same reply as the contact gets it by email. */
  email: Omit<ReplyDraft, 'messageId' | 'authorId'>;
  emailChannel: SendingChannel;
  visitorOnline: boolean;
  ownDomain: string;
  now: Date;
  /**
   * When the agent's composer last caught up with the thread: anything someone else added after
   * it holds the reply (SendHeld), unless `force`. Without it the reply is not checked.
   */
  savedAt?: Date | null;
  force?: boolean;
  /** The account's undo send delay: an email reply waits this long for the outbox; a chat line never waits. */
  undoWindowMs?: number;
  /** Cc and Bcc as the agent typed them; checked and cleaned here (recipients). Email replies only. */
  copies?: CopiesInput;
  /**
   * Forward instead of reply: by email to `to` (one address, not the contact, not ours), quoting
   * these messages of the conversation; `email` holds the note and the quotes already.
   */
  forward?: { to: string; messageIds: readonly string[] };
}

export interface ConversationState {
  started: boolean;
  channel: ConversationStarted['data']['channel'];
  status: 'open' | 'closed';
  /** ISO time a snoozed conversation wakes at; null when it is not snoozed. */
  snoozedUntil: string | null;
  assigneeId: string | null;
  participants: string[];
  /** Our ids of every message, inbound and outbound. */
  messageIds: string[];
  contact: ConversationContact | null;
  replyToken: string;
  /** Internet Message-IDs in the order the messages came and went: a reply's References. */
  internetMessageIds: string[];
  /** The newest inbound mail's Message-ID: what a reply answers. */
  lastInboundMessageId: string | null;
  /** The newest Outlook Thread-Index seen or sent, so our replies extend the same thread. */
  threadIndex: string | null;
  startedAt: string | null;
  subject: string;
  /** Every message as the collision rule sees it. */
  thread: ThreadEntry[];
  /** Ids of the account's tags this conversation carries. */
  tagIds: string[];
  /** Who messages were forwarded to: their answers join the thread, but are not what a reply to the contact answers. */
  thirdParties: string[];
}

export const conversationStream = (conversationId: string) => `conversation-${conversationId}`;

export const conversationDecider: Decider<ConversationState, ConversationCommand, ConversationEvent> = {
  initialState: () => ({
    started: false,
    channel: 'email',
    status: 'open',
    snoozedUntil: null,
    assigneeId: null,
    participants: [],
    messageIds: [],
    contact: null,
    replyToken: '',
    internetMessageIds: [],
    lastInboundMessageId: null,
    threadIndex: null,
    startedAt: null,
    subject: '',
    thread: [],
    tagIds: [],
    thirdParties: [],
  }),

  evolve: (state, event) => {
    switch (event.type) {
      case 'ConversationStarted':
        return {
          ...state,
          started: true,
          channel: event.data.channel,
          status: 'open',
          participants: event.data.participants,
          contact: event.data.contact,
          replyToken: event.data.replyToken,
          startedAt: event.data.startedAt,
          subject: event.data.subject,
        };
      case 'MessageReceived': {
        const { messageId, internetMessageId, threadIndex, kind, from, receivedAt, replyText } = event.data.message;
        // Only a person's mail is what a reply answers; an auto-reply, a bounce or a third party's answer to a forward is not.
        const answerable = kind === 'mail' && internetMessageId !== null && !state.thirdParties.includes(from?.address ?? '');
        return {
          ...state,
          participants: mergeParticipants(state.participants, participantsAddedBy(event)),
          messageIds: [...state.messageIds, messageId],
          internetMessageIds: internetMessageId ? [...state.internetMessageIds, internetMessageId] : state.internetMessageIds,
          lastInboundMessageId: answerable ? internetMessageId : state.lastInboundMessageId,
          threadIndex: threadIndex ?? state.threadIndex,
          thread: [...state.thread, { id: messageId, direction: 'inbound', kind, authorId: null, at: receivedAt, from: from?.name || from?.address || '', excerpt: excerptOf(replyText) }],
        };
      }
      case 'ReplyQueued':
        return {
          ...state,
          participants: mergeParticipants(state.participants, participantsAddedBy(event)),
          thirdParties: event.data.forward ? mergeParticipants(state.thirdParties, [event.data.to.address]) : state.thirdParties,
          messageIds: [...state.messageIds, event.data.messageId],
          // A forward is not in the contact's thread: their next reply does not reference it.
          internetMessageIds: event.data.forward ? state.internetMessageIds : [...state.internetMessageIds, event.data.internetMessageId],
          threadIndex: event.data.threadIndex,
          thread: [...state.thread, { id: event.data.messageId, direction: 'outbound', kind: 'reply', authorId: event.data.authorId, at: event.data.queuedAt, from: event.data.from.name, excerpt: excerptOf(ownTextOf(event.data)) }],
        };
      case 'ChatMessageReceived': {
        const { messageId, visitorName, receivedAt, text } = event.data;
        const entry: ThreadEntry = { id: messageId, direction: 'inbound', kind: 'chat', authorId: null, at: receivedAt, from: visitorName, excerpt: excerptOf(text) };
        return { ...state, messageIds: [...state.messageIds, messageId], thread: [...state.thread, entry] };
      }
      case 'ChatReplyPosted': {
        const { messageId, authorId, authorName, postedAt, text } = event.data;
        const entry: ThreadEntry = { id: messageId, direction: 'outbound', kind: 'chat', authorId, at: postedAt, from: authorName, excerpt: excerptOf(text) };
        return { ...state, messageIds: [...state.messageIds, messageId], thread: [...state.thread, entry] };
      }
      // A note is in the thread, and nothing else: no Message-ID, no inbound, no status. A colleague's
      // note holds a send as a reply does.
      case 'NoteAdded': {
        const { noteId, authorId, authorName, addedAt, text } = event.data;
        const entry: ThreadEntry = { id: noteId, direction: 'note', kind: 'note', authorId, at: addedAt, from: authorName, excerpt: excerptOf(text) };
        return { ...state, messageIds: [...state.messageIds, noteId], thread: [...state.thread, entry] };
      }
      case 'ChatVisitorIdentified':
        return {
          ...state,
          contact: event.data.contact,
          participants: mergeParticipants(state.participants, participantsAddedBy(event)),
        };
      case 'ConversationReopened':
        return { ...state, status: 'open' };
      case 'ConversationClosed':
        // Closing ends a snooze: a closed conversation waits for nothing.
        return { ...state, status: 'closed', snoozedUntil: null };
      case 'ConversationSnoozed':
        return { ...state, snoozedUntil: event.data.until };
      case 'ConversationWoke':
        return { ...state, snoozedUntil: null };
      case 'ConversationAssigned':
        return { ...state, assigneeId: event.data.assigneeId };
      case 'ConversationTagsChanged':
        return { ...state, tagIds: tagsAfter(state.tagIds, event) };
      default:
        return state;
    }
  },

  decide: (command, state) => {
    if (command.type === 'SendReply') return decideReply(command, state);
    if (command.type === 'AddNote') {
      if (!state.started) throw new NotFound('Conversation');
      return decideNote(command, state.messageIds.includes(command.noteId));
    }
    if (isChatCommand(command)) return decideChat(command, state);
    if (isSnoozeCommand(command)) {
      if (!state.started) throw new NotFound('Conversation');
      return decideSnooze(command, state);
    }
    if (command.type === 'StartFormConversation') return decideFormStart(command, state);
    if (command.type === 'SetTags') return decideTags(command, state);
    if (!('message' in command)) return decideByAgent(command, state);
    const { conversationId, accountId, message } = command;
    if (state.messageIds.includes(message.messageId)) return [];
    const participants = participantsOf(message, command.ownDomain);
    if (command.type === 'StartConversation') {
      if (state.started) return [];
      const everyone = mergeParticipants([command.contact.email], participants);
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
            ...(command.linkedTo && command.linkReason ? { linkReason: command.linkReason } : {}),
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
    // The same goes for a snooze: the contact wrote, so it is back in Open now.
    if (state.snoozedUntil !== null && message.kind === 'mail') events.push(woke(conversationId, accountId, 'message'));
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

/**
 * A reply by email goes to the conversation's contact alone, from the channel's address; it is
 * recorded here first and delivered by the outbox. A reply in the chat is shown to the visitor as
 * it is. Sending the same message id twice records it once.
 */
function decideReply(command: SendReply, state: ConversationState): ConversationEvent[] {
  if (!state.started || !state.contact) throw new NotFound('Conversation');
  const { conversationId, accountId, messageId, author, now } = command;
  if (state.messageIds.includes(messageId)) return [];
  if (command.forward) return [decideForward(command, command.forward, state, state.contact)];
  if (command.savedAt && !command.force) {
    const arrived = arrivedSince(state.thread, command.savedAt, author.id);
    if (arrived.length > 0) throw new SendHeld(arrived);
  }
  const { via, emailBlocker } = routeReply({
    channel: state.channel,
    contactEmail: state.contact.email || null,
    visitorOnline: command.visitorOnline,
    emailChannel: command.emailChannel,
  });
  if (via === 'chat') {
    // A chat line is words only: files would silently stay behind.
    if (command.email.attachments?.length) throw new InvalidInput('attachmentIds', 'attachmentIds cannot go into a chat: files go out with email replies only');
    return [{ type: 'ChatReplyPosted', data: { conversationId, accountId, messageId, authorId: author.id, authorName: author.name, text: command.text, postedAt: now.toISOString() } }];
  }
  if (emailBlocker) throw emailBlocker;
  const copies = copiesOf(command.copies ?? {}, { to: state.contact.email, ownDomain: command.ownDomain, sendingAddress: command.emailChannel.address });
  return [composeReply({ messageId, authorId: author.id, ...command.email, ...copies }, factsOf(command, state, state.contact))];
}

/**
 * A forward goes by email to one third party, whatever channel the conversation came by; it is
 * recorded like a reply (so the outbox, undo and retry take it unchanged) and makes its recipient
 * a participant, so their answer joins this conversation without becoming its contact.
 */
function decideForward(command: SendReply, forward: NonNullable<SendReply['forward']>, state: ConversationState, contact: ConversationContact): ConversationEvent {
  const to = singleRecipientOf('to', forward.to, command.ownDomain, command.emailChannel.address);
  if (to.address === contact.email.toLowerCase()) throw new InvalidInput('to', 'to is the contact: reply to them instead of forwarding', 'FORWARD.TO_CONTACT');
  if (forward.messageIds.length === 0) throw new InvalidInput('messageIds', 'messageIds: nothing to forward', 'FORWARD.NOTHING');
  const unknown = forward.messageIds.find((id) => !state.messageIds.includes(id));
  if (unknown) throw new NotFound('Message');
  const { emailBlocker } = routeReply({ channel: 'email', contactEmail: to.address, visitorOnline: false, emailChannel: command.emailChannel });
  if (emailBlocker) throw emailBlocker;
  return composeReply(
    { messageId: command.messageId, authorId: command.author.id, ...command.email, forward: { to, messageIds: forward.messageIds } },
    factsOf(command, state, contact),
  );
}

function factsOf(command: SendReply, state: ConversationState, contact: ConversationContact) {
  return {
    conversationId: command.conversationId,
    accountId: command.accountId,
    contact,
    replyToken: state.replyToken,
    internetMessageIds: state.internetMessageIds,
    lastInboundMessageId: state.lastInboundMessageId,
    threadIndex: state.threadIndex,
    startedAt: state.startedAt,
    sendingAddress: command.emailChannel.address as string,
    ownDomain: command.ownDomain,
    now: command.now,
    undoWindowMs: command.undoWindowMs,
  };
}

const isChatCommand = (command: ConversationCommand): command is ChatCommand => CHAT_COMMANDS.has(command.type);
const isSnoozeCommand = (command: ConversationCommand): command is SnoozeCommand => SNOOZE_COMMANDS.has(command.type);

/** The chat widget's side of a conversation: the first line starts it, an email given makes the visitor reachable by mail. */
function decideChat(command: ChatCommand, state: ConversationState): ConversationEvent[] {
  const { conversationId, accountId } = command;
  switch (command.type) {
    case 'ReceiveChatMessage': {
      if (state.messageIds.includes(command.messageId)) return [];
      const at = command.now.toISOString();
      const received: ConversationEvent = {
        type: 'ChatMessageReceived',
        data: { conversationId, accountId, messageId: command.messageId, text: command.text, visitorName: command.contact.name, receivedAt: at },
      };
      if (!state.started) {
        const { contact } = command;
        return [
          {
            type: 'ConversationStarted',
            data: {
              conversationId,
              accountId,
              channel: 'chat',
              subject: chatSubject(contact.name),
              contact,
              participants: contact.email ? [contact.email] : [],
              replyToken: replyTokenFor(conversationId),
              linkedTo: null,
              startedAt: at,
            },
          },
          received,
        ];
      }
      if (state.channel !== 'chat') throw new NotFound('Chat');
      const events: ConversationEvent[] = [received];
      if (command.contact.email && command.contact.email !== state.contact?.email) {
        events.unshift(identified(command.contact, state, conversationId, accountId));
      }
      if (state.status === 'closed') events.push({ type: 'ConversationReopened', data: { conversationId, accountId, because: 'reply' } });
      if (state.snoozedUntil !== null) events.push(woke(conversationId, accountId, 'message'));
      return events;
    }
    case 'IdentifyChatVisitor':
      if (!state.started || state.channel !== 'chat') throw new NotFound('Chat');
      if (state.contact?.email === command.contact.email && state.contact.name === command.contact.name) return [];
      return [identified(command.contact, state, conversationId, accountId)];
  }
}

function identified(contact: ConversationContact, state: ConversationState, conversationId: string, accountId: string): ConversationEvent {
  return { type: 'ChatVisitorIdentified', data: { conversationId, accountId, contact, subject: state.subject, startedAt: state.startedAt ?? '' } };
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
