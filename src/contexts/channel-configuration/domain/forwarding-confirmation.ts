import { z } from 'zod';
import type { Event } from '../../../shared/domain/event-envelope';
import { Timestamp } from '../../../shared/domain/event-schema';

/** A mail provider's forwarding verification arrived: its code and link go on the email settings page. */
export const ForwardingConfirmationReceivedData = z.object({
  accountId: z.string().min(1),
  provider: z.string().min(1),
  code: z.string().nullable(),
  link: z.string().nullable(),
  receivedAt: Timestamp,
});
export type ForwardingConfirmationReceived = Event<'ForwardingConfirmationReceived', z.infer<typeof ForwardingConfirmationReceivedData>>;

export const forwardingConfirmationStream = (accountId: string) => `emailforwarding-${accountId}`;
