// What other contexts may import of Conversations without loading its Nest module (index.ts exports
// the module too, which makes an import circle for a context that ConversationsModule imports).
// The reply-address grammar: one module that imports nothing but node built-ins.
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
