// What other contexts may use of InboundMail: its published events and queries.
export type { InboundMailAccepted, ParsedMail, MailAddress, MailAttachment, MailKind } from './domain/inbound-mail.events';
export { InboundMailQueries } from './read-models/inbound-mail.queries';
export { InboundMailModule } from './inbound-mail.module';
export { senderOf } from './domain/sender';
export { MarkInboundMailUnrouted } from './application/mark-unrouted.command';
export { sanitizeMailHtml } from './application/html-sanitizer';
