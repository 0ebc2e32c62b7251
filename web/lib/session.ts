import 'server-only';
import { forbidden, redirect } from 'next/navigation';
import { getMe, type Me } from './api';
import { can, type Permission } from './permissions';

/** The signed-in user, or off to the sign-in page. */
export async function requireMe(): Promise<Me> {
  const me = await getMe();
  if (!me) redirect('/login');
  return me;
}

/** The signed-in user if the API says they may do this, else the 403 page. */
export async function requirePermission(permission: Permission): Promise<Me> {
  const me = await requireMe();
  if (!can(me, permission)) forbidden();
  return me;
}
