import 'server-only';
import { headers } from 'next/headers';

/**
 * The scheme the visitor used, as the server in front of Next (src/web-frontend.ts) decided it: our
 * own TLS, or `X-Forwarded-Proto` from a proxy in TRUSTED_PROXIES. It sets this header on every
 * request it hands to Next, replacing any a visitor sent; `X-Forwarded-Host` reaches Next only from
 * a trusted proxy.
 */
export const VISITOR_SCHEME_HEADER = 'x-inbox-scheme';

/** Whether the visitor reached us over HTTPS: then cookies are `Secure`. */
export async function visitorUsesHttps(): Promise<boolean> {
  return (await headers()).get(VISITOR_SCHEME_HEADER) === 'https';
}

/** The address visitors reach this server at, for snippets pasted on other sites. */
export async function publicOrigin(): Promise<string> {
  const all = await headers();
  const host = all.get('x-forwarded-host') ?? all.get('host') ?? 'localhost:3000';
  return `${(await visitorUsesHttps()) ? 'https' : 'http'}://${host}`;
}
