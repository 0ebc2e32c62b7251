import type { Role } from './api';

/**
 * The words for each role: the only place in the web app that names roles. What a role may do is
 * the API's to say (`me.permissions`), never decided here.
 */
export const ROLE_LABELS: Record<Role, string> = {
  primary_admin: 'Primary admin',
  admin: 'Admin',
  agent: 'Agent',
  auditor: 'Auditor',
};

/** The role with what it is for, where one is chosen. */
export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  primary_admin: 'Primary admin: owns the account',
  admin: 'Admin: manages users, forms, chat',
  agent: 'Agent: answers conversations',
  auditor: 'Auditor: reads history, never writes',
};
