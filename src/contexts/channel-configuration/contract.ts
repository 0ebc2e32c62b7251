// What other contexts may use of ChannelConfiguration: its published events, queries and renderer.
export { channelConfigurationEventSchemas } from './domain/channel-configuration.contracts';
export type { ForwardingAddressClaimed, EmailChannelEvent } from './domain/email-channel.decider';
export { chatChannelStream } from './domain/chat-channel.decider';
export { escapeHtml, renderOutgoingEmail, renderSignatures, type RenderedEmail } from './domain/outgoing-email';
export { ChannelsQueries, type EmailChannelView } from './read-models/channels.queries';
export { ChannelConfigurationAuditor } from './application/configuration-audit';
export { quoteMessage, withQuote, type QuotedMessage, type RenderedQuote } from './domain/quoted-history';
