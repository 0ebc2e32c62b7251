import { createHash } from 'node:crypto';

/**
 * A UUID-shaped id derived from its parts: the same parts always give the same id. Used for ids that
 * must be recognised when work is repeated (a process manager handling an event twice, a mail
 * delivered twice).
 */
export function deterministicId(...parts: string[]): string {
  const hex = createHash('sha256').update(parts.join('\u0000')).digest('hex');
  // Version 8 (custom) and the RFC 4122 variant, so it is a well-formed UUID.
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
