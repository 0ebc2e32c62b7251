import type { Role } from '../../../shared/domain/event-envelope';

export const ALL_ROLES: readonly Role[] = ['primary_admin', 'admin', 'agent', 'auditor'];
/** Everyone who may write in conversations: never the auditor. */
const REPLIERS: readonly Role[] = ['primary_admin', 'admin', 'agent'];
const ADMINS: readonly Role[] = ['primary_admin', 'admin'];
const PRIMARY_ADMIN: readonly Role[] = ['primary_admin'];
/** Configuration history is for the owner and for those whose job is to check it. */
const AUDITORS: readonly Role[] = ['primary_admin', 'auditor'];

/**
 * The one access table: what a signed-in user may do, by role. Routes are guarded by these names
 * and `GET /api/me` tells the web app which ones the user holds, so no other place lists roles.
 */
export const PERMISSIONS = {
  /** Who one is signed in as and what one may do (`GET /api/me`). */
  'profile.read': ALL_ROLES,
  /** Changing one's own profile (`PATCH /api/me`): the signature for now. */
  'profile.update': ALL_ROLES,
  'account.read': ALL_ROLES,
  'account.configure': PRIMARY_ADMIN,
  /** Conversations, their messages, raw mail and attachments, live updates, marking them seen. */
  'conversations.read': ALL_ROLES,
  /** Replying, and retrying a reply that could not be delivered. */
  'conversations.reply': REPLIERS,
  /** Writing internal notes, with mentions of colleagues. */
  'conversations.note': REPLIERS,
  /** One's own notifications (mentions): listing them and marking them read. */
  'notifications.read': ALL_ROLES,
  /** Assigning, closing, reopening, snoozing and tagging (a tag typed in for the first time becomes one of the account's tags). */
  'conversations.manage': REPLIERS,
  /** Saved replies of the account, and one rendered for a conversation. */
  'saved-replies.read': ALL_ROLES,
  'saved-replies.manage': ADMINS,
  /** Renaming and deleting the account's tags. */
  'tags.manage': ADMINS,
  'contacts.read': ALL_ROLES,
  /** A contact's own reply address, for mail that starts conversations. */
  'contacts.reply-address.read': REPLIERS,
  'channels.read': ALL_ROLES,
  'channels.email.configure': PRIMARY_ADMIN,
  /** Reading and rotating the token with which relays post mail over HTTP. */
  'channels.inbound-token.manage': ADMINS,
  'channels.chat.configure': ADMINS,
  'forms.manage': ADMINS,
  'users.manage': ADMINS,
  'failed-mail.manage': ADMINS,
  /** The email channel's configuration history and its replay. */
  'audit.read': AUDITORS,
} satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export const PERMISSION_NAMES = Object.keys(PERMISSIONS) as Permission[];

export function rolesHolding(permission: Permission): readonly Role[] {
  return PERMISSIONS[permission];
}

export function permissionsOf(role: Role): Permission[] {
  return PERMISSION_NAMES.filter((permission) => PERMISSIONS[permission].includes(role));
}
