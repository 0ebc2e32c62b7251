import type { Me } from './api';
import { can, type Permission } from './permissions';

export interface NavItem {
  href: string;
  /** Its label's key in the `shell` catalogue (`nav.<key>`). */
  key: string;
  /** What the user must be allowed to do for the item to show; the page's layout checks the same. */
  permission: Permission;
}

export const NAV_ITEMS: readonly NavItem[] = [
  { href: '/inbox', key: 'inbox', permission: 'conversations.read' },
  { href: '/contacts', key: 'contacts', permission: 'contacts.read' },
  { href: '/settings/channels', key: 'channels', permission: 'channels.read' },
  { href: '/settings/users', key: 'users', permission: 'users.manage' },
  { href: '/settings/forms', key: 'forms', permission: 'forms.manage' },
  { href: '/settings/saved-replies', key: 'savedReplies', permission: 'saved-replies.manage' },
  { href: '/settings/tags', key: 'tags', permission: 'tags.manage' },
  { href: '/settings/account', key: 'account', permission: 'account.configure' },
  { href: '/failed-mail', key: 'failedMail', permission: 'failed-mail.manage' },
  { href: '/audit', key: 'audit', permission: 'audit.read' },
];

export const navFor = (me: Pick<Me, 'permissions'>) => NAV_ITEMS.filter((item) => can(me, item.permission));
