import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Decider } from '../../../shared/domain/decider';
import { z } from 'zod';
import type { Event } from '../../../shared/domain/event-envelope';

/**
 * The per-account token relays use for POST /api/inbound/mime. It is derived from a server secret
 * and a generation number, so the log never holds it and rotating makes the old one useless.
 */
export const InboundTokenRotatedData = z.object({ accountId: z.string().min(1), generation: z.int().nonnegative() });
export type InboundTokenRotated = Event<'InboundTokenRotated', z.infer<typeof InboundTokenRotatedData>>;

export const inboundTokenStream = (accountId: string) => `inboundtoken-${accountId}`;

export function inboundToken(secret: string, accountId: string, generation: number): string {
  const mac = createHmac('sha256', secret).update(`inbound-token:${accountId}:${generation}`).digest('base64url').slice(0, 32);
  return `ibx_${accountId.replace(/-/g, '')}_${mac}`;
}

/** The account a well-formed token names, before it is checked. */
export function accountOfToken(token: string): string | null {
  const match = /^ibx_([0-9a-f]{32})_[\w-]{32}$/.exec(token);
  if (!match) return null;
  const hex = match[1];
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function tokenMatches(presented: string, expected: string): boolean {
  const a = Buffer.from(presented);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export const inboundTokenDecider: Decider<{ generation: number }, { accountId: string }, InboundTokenRotated> = {
  initialState: () => ({ generation: 0 }),
  evolve: (state, event) => (event.type === 'InboundTokenRotated' ? { generation: event.data.generation } : state),
  decide: (command, state) => [{ type: 'InboundTokenRotated', data: { accountId: command.accountId, generation: state.generation + 1 } }],
};
