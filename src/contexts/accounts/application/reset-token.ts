import { createHash, randomBytes } from 'node:crypto';

/** A reset link's secret (256 random bits, URL-safe) and the hash it is kept under: the log never holds a usable token. */
export function newResetToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, tokenHash: resetTokenHash(token) };
}

export function resetTokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
