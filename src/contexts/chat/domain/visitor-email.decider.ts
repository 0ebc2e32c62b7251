import { createHmac } from 'node:crypto';
import type { Decider } from '../../../shared/domain/decider';
import { DomainError, InvalidInput, TooManyRequests } from '../../../shared/domain/domain-error';
import { z } from 'zod';
import type { Event } from '../../../shared/domain/event-envelope';
import { Timestamp, type EventSchemas } from '../../../shared/domain/event-schema';
import { chatTokenMatches } from './chat-session';

/**
 * An address an anonymous chat visitor types is a claim, not an identity: anyone can type a
 * customer's address. It becomes the visitor's only once they enter the one-time code mailed to it;
 * until then the chat stays its own contact, so nothing of the address's owner reaches the visitor.
 */
const Ids = { conversationId: z.string().min(1), accountId: z.string().min(1) };
export const ChatVisitorEmailClaimedData = z.object({
  ...Ids,
  email: z.string().min(3).max(320),
  name: z.string().max(256),
  nonce: z.string().min(1),
  claimedAt: Timestamp,
  expiresAt: Timestamp,
});
export type ChatVisitorEmailClaimed = Event<'ChatVisitorEmailClaimed', z.infer<typeof ChatVisitorEmailClaimedData>>;
export const ChatVisitorCodeRejectedData = z.object({ ...Ids, nonce: z.string().min(1), attempt: z.number().int().positive() });
export type ChatVisitorCodeRejected = Event<'ChatVisitorCodeRejected', z.infer<typeof ChatVisitorCodeRejectedData>>;
export const ChatVisitorEmailVerifiedData = z.object({ ...Ids, email: z.string().min(3).max(320), name: z.string().max(256), verifiedAt: Timestamp });
export type ChatVisitorEmailVerified = Event<'ChatVisitorEmailVerified', z.infer<typeof ChatVisitorEmailVerifiedData>>;
export type VisitorEmailEvent = ChatVisitorEmailClaimed | ChatVisitorCodeRejected | ChatVisitorEmailVerified;

export type VisitorEmailCommand =
  | { type: 'ClaimVisitorEmail'; conversationId: string; accountId: string; email: string; name: string; nonce: string }
  | { type: 'VerifyVisitorEmail'; conversationId: string; accountId: string; code: string };

export interface VisitorEmailState {
  pending: { email: string; name: string; nonce: string; expiresAt: string; attempts: number } | null;
  claims: number;
  verified: { email: string; name: string } | null;
}

export interface VisitorEmailDeps {
  now: Date;
  /** The code mailed for a claim; derived from the server secret, so the log never holds it. */
  codeFor(nonce: string): string;
}

/** A code is good for a quarter of an hour and five tries; a session may ask for five codes. */
export const CODE_TTL_MS = 15 * 60 * 1000;
export const CODE_ATTEMPTS = 5;
export const CLAIMS_PER_SESSION = 5;

export const visitorEmailStream = (conversationId: string) => `chatvisitor-${conversationId}`;

/** Six digits from a MAC of the session's conversation and the claim's nonce. */
export function visitorEmailCode(secret: string, conversationId: string, nonce: string): string {
  const mac = createHmac('sha256', secret).update(`chat-email-code:${conversationId}:${nonce}`).digest();
  return String(mac.readUInt32BE(0) % 1_000_000).padStart(6, '0');
}

export class VisitorEmailNotClaimed extends DomainError {
  constructor() {
    super('CHAT.NO_EMAIL_CLAIM', 'conflict', 'Leave your email address first; we mail you a code to confirm it');
  }
}

export class VisitorCodeExpired extends DomainError {
  constructor() {
    super('CHAT.CODE_EXPIRED', 'conflict', 'This code has expired or was tried too often; ask for a new one');
  }
}

export class VisitorCodeIncorrect extends InvalidInput {
  constructor(readonly attemptsLeft: number) {
    super('code', `code is not the one we mailed (${attemptsLeft} attempt(s) left)`, 'CHAT.CODE_INCORRECT');
  }

  /** The answer says how many tries are left, so the widget can say it in the visitor's language. */
  override details(): Record<string, unknown> {
    return { attemptsLeft: this.attemptsLeft };
  }
}

export class TooManyEmailClaims extends TooManyRequests {
  constructor() {
    super('CHAT.TOO_MANY_EMAIL_CLAIMS', 'This chat has asked for too many codes; start a new chat', 3600);
  }
}

export const visitorEmailDecider: Decider<VisitorEmailState, VisitorEmailCommand, VisitorEmailEvent, VisitorEmailDeps> = {
  initialState: () => ({ pending: null, claims: 0, verified: null }),

  evolve: (state, event) => {
    switch (event.type) {
      case 'ChatVisitorEmailClaimed': {
        const { email, name, nonce, expiresAt } = event.data;
        return { ...state, pending: { email, name, nonce, expiresAt, attempts: 0 }, claims: state.claims + 1 };
      }
      case 'ChatVisitorCodeRejected':
        return state.pending?.nonce === event.data.nonce ? { ...state, pending: { ...state.pending, attempts: event.data.attempt } } : state;
      case 'ChatVisitorEmailVerified':
        return { ...state, pending: null, verified: { email: event.data.email, name: event.data.name } };
      default:
        return state;
    }
  },

  decide: (command, state, { now, codeFor }) => {
    const { conversationId, accountId } = command;
    if (command.type === 'ClaimVisitorEmail') {
      if (state.verified?.email === command.email) return [];
      if (state.claims >= CLAIMS_PER_SESSION) throw new TooManyEmailClaims();
      return [
        {
          type: 'ChatVisitorEmailClaimed',
          data: {
            conversationId,
            accountId,
            email: command.email,
            name: command.name,
            nonce: command.nonce,
            claimedAt: now.toISOString(),
            expiresAt: new Date(now.getTime() + CODE_TTL_MS).toISOString(),
          },
        },
      ];
    }
    const { pending } = state;
    if (!pending) throw new VisitorEmailNotClaimed();
    if (pending.attempts >= CODE_ATTEMPTS || Date.parse(pending.expiresAt) <= now.getTime()) throw new VisitorCodeExpired();
    if (!chatTokenMatches(command.code.trim(), codeFor(pending.nonce))) {
      return [{ type: 'ChatVisitorCodeRejected', data: { conversationId, accountId, nonce: pending.nonce, attempt: pending.attempts + 1 } }];
    }
    return [{ type: 'ChatVisitorEmailVerified', data: { conversationId, accountId, email: pending.email, name: pending.name, verifiedAt: now.toISOString() } }];
  },
};

/** Chat's part of the app's event registry. */
export const chatEventSchemas: EventSchemas = {
  ChatVisitorEmailClaimed: ChatVisitorEmailClaimedData,
  ChatVisitorCodeRejected: ChatVisitorCodeRejectedData,
  ChatVisitorEmailVerified: ChatVisitorEmailVerifiedData,
};
