// What other contexts may use of Conversations: its published events and queries.
export type { ConversationStarted, MessageReceived, ConversationEvent } from './domain/conversation.decider';
export { ConversationsQueries, type ConversationSummary } from './read-models/conversations.queries';
export { ConversationsModule } from './conversations.module';
