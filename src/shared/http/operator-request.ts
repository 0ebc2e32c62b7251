import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { bearerToken } from './bearer-token';

/** 127.0.0.0/8 and ::1, also as IPv4-mapped IPv6 addresses. */
function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  const v4 = address.startsWith('::ffff:') ? address.slice('::ffff:'.length) : address;
  return v4.startsWith('127.') || address === '::1';
}

function sameSecret(presented: string, expected: string): boolean {
  // Hashed first: timingSafeEqual needs equal lengths, and the length must not leak either.
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(presented), digest(expected));
}

/**
 * Whether the caller may see operational detail (positions, errors, what is parked): a process on
 * this machine talking to us directly, or anyone presenting the configured health token. A request
 * that came through a proxy (it says so in X-Forwarded-For or Forwarded, as this app's own web front
 * end does for its visitors) is a visitor's, even though its TCP peer is loopback.
 */
export function isOperatorRequest(request: IncomingMessage, healthToken: string | null): boolean {
  const presented = bearerToken(request);
  if (healthToken !== null && presented !== null && sameSecret(presented, healthToken)) return true;
  const proxied = request.headers['x-forwarded-for'] !== undefined || request.headers.forwarded !== undefined;
  return !proxied && isLoopback(request.socket.remoteAddress);
}
