import type { Me } from './api';

/**
 * What the signed-in user may do, as the API told it (`GET /api/me`). The server decides; the web
 * app only shows and hides by these names and keeps no rule of its own about roles.
 */
export const can = (me: Pick<Me, 'permissions'>, permission: string): boolean => me.permissions.includes(permission);
