import { z } from 'zod';
import type { Event } from '../../../shared/domain/event-envelope';
import { Timestamp } from '../../../shared/domain/event-schema';
import { ConversationContact } from './conversation-contact';

const Ids = { conversationId: z.string().min(1), accountId: z.string().min(1) };

/** A visitor's line in the chat widget. */
export const ChatMessageReceivedData = z.object({ ...Ids, messageId: z.string().min(1), text: z.string(), visitorName: z.string(), receivedAt: Timestamp });
export type ChatMessageReceived = Event<'ChatMessageReceived', z.infer<typeof ChatMessageReceivedData>>;
/** The visitor proved an email address: the conversation can continue by email, and they become that contact. */
export const ChatVisitorIdentifiedData = z.object({ ...Ids, contact: ConversationContact, subject: z.string(), startedAt: Timestamp });
export type ChatVisitorIdentified = Event<'ChatVisitorIdentified', z.infer<typeof ChatVisitorIdentifiedData>>;
/** An agent's answer shown in the visitor's chat (the visitor was online, or left no email). */
export const ChatReplyPostedData = z.object({
  ...Ids,
  messageId: z.string().min(1),
  authorId: z.string().min(1),
  authorName: z.string(),
  text: z.string(),
  postedAt: Timestamp,
});
export type ChatReplyPosted = Event<'ChatReplyPosted', z.infer<typeof ChatReplyPostedData>>;
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
  | { type: 'IdentifyChatVisitor'; conversationId: string; accountId: string; contact: ConversationContact };

export const CHAT_COMMANDS: ReadonlySet<string> = new Set(['ReceiveChatMessage', 'IdentifyChatVisitor']);

export const chatSubject = (visitorName: string) => (visitorName ? `Chat with ${visitorName}` : 'Chat with a visitor');
