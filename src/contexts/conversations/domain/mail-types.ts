// The mail shapes Conversations reads from InboundMail's published event.
export type { MailAddress, MailAttachment, MailKind } from '../../inbound-mail';
export interface StoredPart {
  hash: string;
  size: number;
}
