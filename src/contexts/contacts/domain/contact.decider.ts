import { z } from 'zod';
import type { Decider } from '../../../shared/domain/decider';
import { deterministicId } from '../../../shared/domain/deterministic-id';
import type { Event } from '../../../shared/domain/event-envelope';

export const ContactSource = z.enum(['email', 'form', 'chat']);
export type ContactSource = z.infer<typeof ContactSource>;

export const ContactCreatedData = z.object({ contactId: z.string().min(1), accountId: z.string().min(1), email: z.string().min(1), name: z.string(), source: ContactSource });
export type ContactCreated = Event<'ContactCreated', z.infer<typeof ContactCreatedData>>;
export type ContactEvent = ContactCreated;

export type ContactCommand = { type: 'CreateContact'; accountId: string; email: string; name: string; source: ContactSource };

/** Addresses are compared case-insensitively: one contact per account and normalized address. */
export const normalizeContactEmail = (email: string) => email.trim().toLowerCase();

/** The contact's id follows from the account and the address, so creating it twice is harmless. */
export const contactIdFor = (accountId: string, email: string) => deterministicId('contact', accountId, normalizeContactEmail(email));

export const contactStream = (contactId: string) => `contact-${contactId}`;

export const contactDecider: Decider<{ exists: boolean }, ContactCommand, ContactEvent> = {
  initialState: () => ({ exists: false }),
  evolve: (state, event) => (event.type === 'ContactCreated' ? { exists: true } : state),
  decide: (command, state) => {
    if (state.exists) return [];
    const email = normalizeContactEmail(command.email);
    const name = command.name.trim() && command.name.trim() !== email ? command.name.trim() : email.split('@')[0];
    return [{ type: 'ContactCreated', data: { contactId: contactIdFor(command.accountId, email), accountId: command.accountId, email, name, source: command.source } }];
  },
};
