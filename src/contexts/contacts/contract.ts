// What other contexts may use of Contacts: its published events, the contact id rule and queries.
export { contactsEventSchemas } from './domain/contacts.contracts';
export type { ContactCreated } from './domain/contact.decider';
export { contactIdFor } from './domain/contact.decider';
export { ContactsQueries, type ContactView } from './read-models/contacts.queries';
