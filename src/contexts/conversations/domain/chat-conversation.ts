import type { Event } from '../../../shared/domain/event-envelope';
import type { ConversationContact } from './conversation.decider';

/** A visitor's line in the chat widget. */
export type ChatMessageReceived = Event<
  'ChatMessageReceived',
  { conversationId: string; accountId: string; messageId: string; text: string; visitorName: string; receivedAt: string }
>;
/** The visitor proved an email address: the conversation can continue by email, and they become that contact. */
export type ChatVisitorIdentified = Event<
  'ChatVisitorIdentified',
  { conversationId: string; accountId: string; contact: ConversationContact; subject: string; startedAt: string }
>;
/** An agent's answer shown in the visitor's chat (the visitor was online, or left no email). */
export type ChatReplyPosted = Event<
  'ChatReplyPosted',
  { conversationId: string; accountId: string; messageId: string; authorId: string; authorName: string; text: string; postedAt: string }
>;
export type ChatEvent = ChatMessageReceived | ChatVisitorIdentified | ChatReplyPosted;

export type ChatCommand =
  | {
      type: 'ReceiveChatMessage';
      conversationId: string;
      accountId: string;
      /** The visitor as the widget knows them: the id is the contact's when they gave an email. */
      contact: ConversationContact;
      messageId: string;
      text: string;
      now: Date;
    }
  | { type: 'IdentifyChatVisitor'; conversationId: string; accountId: string; contact: ConversationContact }
  | { type: 'PostChatReply'; conversationId: string; accountId: string; messageId: string; authorId: string; authorName: string; text: string; now: Date };

export const CHAT_COMMANDS: ReadonlySet<string> = new Set(['ReceiveChatMessage', 'IdentifyChatVisitor', 'PostChatReply']);

export const chatSubject = (visitorName: string) => (visitorName ? `Chat with ${visitorName}` : 'Chat with a visitor');
