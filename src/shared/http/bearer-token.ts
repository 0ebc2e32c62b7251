import type { IncomingMessage } from 'node:http';

/** The token of an `Authorization: Bearer <token>` header (scheme case-insensitive, RFC 6750), or null. */
export function bearerToken(request: IncomingMessage): string | null {
  return /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1] ?? null;
}
