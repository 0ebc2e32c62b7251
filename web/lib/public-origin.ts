import 'server-only';
import { headers } from 'next/headers';

/**
 * The scheme and host the visitor used, as the server in front of Next (src/web-frontend.ts)
 * decided them: our own TLS or `X-Forwarded-Proto`, the Host or `X-Forwarded-Host`, the forwarded
 * ones only from a proxy in TRUSTED_PROXIES. It sets these headers on every request it hands to
 * Next, replacing any a visitor sent.
 */
const VISITOR_SCHEME_HEADER = 'x-inbox-scheme';
const VISITOR_HOST_HEADER = 'x-inbox-host';

/** Whether the visitor reached us over HTTPS: then cookies are `Secure`. */
export async function visitorUsesHttps(): Promise<boolean> {
  return (await headers()).get(VISITOR_SCHEME_HEADER) === 'https';
}

/** The address visitors reach this server at, for snippets pasted on other sites. */
export async function publicOrigin(): Promise<string> {
  const host = (await headers()).get(VISITOR_HOST_HEADER) || 'localhost:3000';
  return `${(await visitorUsesHttps()) ? 'https' : 'http'}://${host}`;
}
