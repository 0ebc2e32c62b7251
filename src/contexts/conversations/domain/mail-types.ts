import { z } from 'zod';

// The mail shapes Conversations reads from InboundMail's published event, with their schemas.
export { BodyTruncation, MailAttachment, MailKind, OmittedPart, SenderAuthentication, StoredPart } from '../../inbound-mail/contract';
export type { MailAddress } from '../../inbound-mail/contract';

/**
 * An address as a message carries it. Intake holds mail to stricter rules (MailAddress); forms and
 * chat hand over what their own rules accepted, so this only asks for the shape.
 */
export const MessageAddress = z.object({ name: z.string(), address: z.string().min(1) });
export type MessageAddress = z.infer<typeof MessageAddress>;
