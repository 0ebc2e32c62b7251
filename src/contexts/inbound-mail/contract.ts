// What other contexts may use of InboundMail: its published events and queries.
export type { InboundMailAccepted, ParsedMail, MailAddress } from './domain/inbound-mail.events';
// The schemas of the mail shapes other contexts copy into their own events, and the rules that repair them.
export { BodyTruncation, MailAttachment, MailKind, OmittedPart, StoredPart } from './domain/inbound-mail.events';
export { conformingMailFields } from './domain/conforming-mail';
export { headerTokenOf, mailAddressOf, messageIdListOf } from './domain/mail-fields';
export { inboundMailEventSchemas, inboundMailUpcasters } from './domain/inbound-mail.contracts';
export { InboundMailQueries } from './read-models/inbound-mail.queries';
export { senderOf } from './domain/sender';
export { MarkInboundMailUnrouted } from './application/mark-unrouted.command';
export { sanitizeMailHtml } from './application/html-sanitizer';
export { SenderAuthentication, failsEnforcedDmarc } from './domain/sender-authentication';
