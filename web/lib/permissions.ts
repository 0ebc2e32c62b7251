import type { Me } from './api';

/**
 * What the signed-in user may do, as the API told it (`GET /api/me`). The server decides; the web
 * app only shows and hides by these names and keeps no rule of its own about roles.
 */
export const can = (me: Pick<Me, 'permissions'>, permission: Permission): boolean => me.permissions.includes(permission);

/** A permission's name as the API's OpenAPI document lists them, so a misspelt one fails the build. */
export type Permission = Me['permissions'][number];
