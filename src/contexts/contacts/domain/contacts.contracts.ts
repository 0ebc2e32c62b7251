import type { EventSchemas } from '../../../shared/domain/event-schema';
import { ContactCreatedData } from './contact.decider';

/** Contacts' part of the app's event registry. */
export const contactsEventSchemas: EventSchemas = { ContactCreated: ContactCreatedData };
