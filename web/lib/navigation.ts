import type { Role } from './api';

export interface NavItem {
  href: string;
  label: string;
  roles: readonly Role[];
}

const everyone: readonly Role[] = ['primary_admin', 'admin', 'agent', 'auditor'];

/** What each role may reach; the API enforces the same rules, this only keeps the menu honest. */
export const NAV_ITEMS: readonly NavItem[] = [
  { href: '/inbox', label: 'Inbox', roles: everyone },
  { href: '/contacts', label: 'Contacts', roles: everyone },
  { href: '/settings/channels', label: 'Channels', roles: everyone },
  { href: '/settings/users', label: 'Users', roles: ['primary_admin', 'admin'] },
  { href: '/settings/forms', label: 'Forms', roles: ['primary_admin', 'admin'] },
  { href: '/settings/account', label: 'Account', roles: ['primary_admin'] },
  { href: '/failed-mail', label: 'Failed mail', roles: ['primary_admin', 'admin'] },
  { href: '/audit', label: 'Audit', roles: ['primary_admin', 'auditor'] },
];

export const navFor = (role: Role) => NAV_ITEMS.filter((item) => item.roles.includes(role));

export const ROLE_LABELS: Record<Role, string> = {
  primary_admin: 'Primary admin',
  admin: 'Admin',
  agent: 'Agent',
  auditor: 'Auditor',
};
