import 'server-only';
import { headers } from 'next/headers';

/** The address visitors reach this server at, for snippets pasted on other sites. */
export async function publicOrigin(): Promise<string> {
  const all = await headers();
  const host = all.get('x-forwarded-host') ?? all.get('host') ?? 'localhost:3000';
  const proto = all.get('x-forwarded-proto')?.split(',')[0] ?? 'http';
  return `${proto}://${host}`;
}
