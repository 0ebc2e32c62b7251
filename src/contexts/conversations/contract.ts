// What other contexts may use of Conversations: its published events, queries and the outbound mail path.
// The reply-address grammar they share lives in src/shared/domain/reply-address.ts.
export { conversationsEventSchemas, conversationsUpcasters } from './domain/conversations.contracts';
export type { ConversationStarted, MessageReceived, ConversationEvent } from './domain/conversation.decider';
export type { ChatVisitorIdentified, ChatMessageReceived, ChatReplyPosted } from './domain/chat-conversation';
export { ReceiveChatMessage, IdentifyChatVisitor } from './application/chat-intake.commands';
export { ConversationsQueries, type ConversationSummary } from './read-models/conversations.queries';
export { OUTBOUND_MAILER, type OutboundMailer, type OutboundNotice } from './outbound/outbound-mailer';
// Mail to the product's own people (invitations, password resets, notifications), delivered by the replies' outbox.
export { QueueUserMail } from './application/queue-user-mail.command';
export type { UserMail } from './domain/user-mail';
