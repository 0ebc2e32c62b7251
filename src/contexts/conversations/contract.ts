// What other contexts may use of Conversations: its published events, queries, the outbound mail
// path, and the reply-address grammar (one module that imports nothing but node built-ins).
export { conversationsEventSchemas, conversationsUpcasters } from './domain/conversations.contracts';
export type { ConversationStarted, MessageReceived, ConversationEvent } from './domain/conversation.decider';
export type { ChatVisitorIdentified, ChatMessageReceived, ChatReplyPosted } from './domain/chat-conversation';
export { ReceiveChatMessage, IdentifyChatVisitor } from './application/chat-intake.commands';
export { ConversationsQueries, type ConversationSummary } from './read-models/conversations.queries';
export { OUTBOUND_MAILER, type OutboundMailer, type OutboundNotice } from './outbound/outbound-mailer';
export {
  contactOfReplyToken,
  contactPrefixOf,
  contactReplyAddress,
  contactReplyToken,
  contactTokenIn,
  conversationTokenIn,
  hasTagSeparator,
  markerFor,
  markerIn,
  plusAddress,
  replyTokenFor,
  unkeyedContactToken,
  withoutTag,
} from './domain/reply-address';
