import { createHmac, timingSafeEqual } from 'node:crypto';
import { deterministicId } from '../../../shared/domain/deterministic-id';
import { DomainError } from '../../../shared/domain/domain-error';

/**
 * A visitor's chat session needs no stored state: its token is derived from the server secret, the
 * account and the session id, and its conversation id from the session id.
 */
export function chatVisitorToken(secret: string, accountId: string, sessionId: string): string {
  return createHmac('sha256', secret).update(`chat-visitor:${accountId}:${sessionId}`).digest('base64url');
}

export function chatTokenMatches(presented: string, expected: string): boolean {
  const a = Buffer.from(presented);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export const chatConversationId = (accountId: string, sessionId: string) => deterministicId('chat-session', accountId, sessionId);

export class ChatUnavailable extends DomainError {
  constructor() {
    super('CHAT.DISABLED', 'conflict', 'Chat is switched off for this account');
  }
}

export class ChatTokenInvalid extends DomainError {
  constructor() {
    super('CHAT.TOKEN_INVALID', 'unauthenticated', 'This chat session needs its visitor token (Authorization: Bearer, or ?token= for the stream)');
  }
}
