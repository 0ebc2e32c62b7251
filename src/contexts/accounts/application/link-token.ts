import { newSessionToken, sessionIdOf } from '../../../shared/http/session-cookie';

/**
 * Tokens of the one-time links the product mails its users: made and hashed as session tokens are
 * (256 random bits; only the SHA-256 is stored), so there is one rule for bearer secrets.
 */
export function newLinkToken(): { token: string; tokenHash: string } {
  const { token, sessionId } = newSessionToken();
  return { token, tokenHash: sessionId };
}

export const linkTokenHash = (token: string): string => sessionIdOf(token);
