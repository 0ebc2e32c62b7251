// What other contexts may use of Accounts: its published events and its queries.
export { accountsEventSchemas } from './domain/accounts.contracts';
export type { AccountOpened, AccountSettingsChanged } from './domain/account.decider';
export type { UserDeactivated, UserRegistered, UserRenamed } from './domain/user.decider';
export type { SessionEnded } from './domain/session.decider';
export { AccountsQueries, type AccountView, type UserView } from './read-models/accounts.queries';
export { DEFAULT_UNDO_SEND_SECONDS } from './domain/accounts.rules';
export { EMAIL_NOTIFICATION_KINDS, type EmailNotificationKind, type EmailNotificationPreferences } from './domain/email-notification-preferences';
