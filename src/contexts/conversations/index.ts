// What other contexts may use of Conversations: its published events and queries.
export { conversationsEventSchemas, conversationsUpcasters } from './domain/conversations.contracts';
export type { ConversationStarted, MessageReceived, ConversationEvent } from './domain/conversation.decider';
export type { ChatVisitorIdentified, ChatMessageReceived, ChatReplyPosted } from './domain/chat-conversation';
export { ReceiveChatMessage, IdentifyChatVisitor } from './application/chat-intake.commands';
export { ConversationsQueries, type ConversationSummary } from './read-models/conversations.queries';
export { ConversationsModule } from './conversations.module';
