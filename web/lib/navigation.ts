import type { Me } from './api';
import { can, type Permission } from './permissions';

export interface NavItem {
  href: string;
  label: string;
  /** What the user must be allowed to do for the item to show; the page's layout checks the same. */
  permission: Permission;
}

export const NAV_ITEMS: readonly NavItem[] = [
  { href: '/inbox', label: 'Inbox', permission: 'conversations.read' },
  { href: '/contacts', label: 'Contacts', permission: 'contacts.read' },
  { href: '/settings/channels', label: 'Channels', permission: 'channels.read' },
  { href: '/settings/users', label: 'Users', permission: 'users.manage' },
  { href: '/settings/forms', label: 'Forms', permission: 'forms.manage' },
  { href: '/settings/saved-replies', label: 'Saved replies', permission: 'saved-replies.manage' },
  { href: '/settings/tags', label: 'Tags', permission: 'tags.manage' },
  { href: '/settings/account', label: 'Account', permission: 'account.configure' },
  { href: '/failed-mail', label: 'Failed mail', permission: 'failed-mail.manage' },
  { href: '/audit', label: 'Audit', permission: 'audit.read' },
];

export const navFor = (me: Pick<Me, 'permissions'>) => NAV_ITEMS.filter((item) => can(me, item.permission));
