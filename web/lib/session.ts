import 'server-only';
import { forbidden, redirect } from 'next/navigation';
import { getMe, type Me, type Role } from './api';

/** The signed-in user, or off to the sign-in page. */
export async function requireMe(): Promise<Me> {
  const me = await getMe();
  if (!me) redirect('/login');
  return me;
}

/** The signed-in user if their role may see the page, else the 403 page. */
export async function requireRole(roles: readonly Role[]): Promise<Me> {
  const me = await requireMe();
  if (!roles.includes(me.role)) forbidden();
  return me;
}
