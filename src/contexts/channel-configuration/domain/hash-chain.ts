import { createHash } from 'node:crypto';
import { z } from 'zod';

/**
 * Configuration events are chained: each carries the hash of the one before it in its stream, so a
 * stored event changed afterwards breaks the chain at the next event.
 */
export const Chained = z.object({ previousHash: z.string().nullable() });
export type Chained = z.infer<typeof Chained>;

export function hashOf(event: { type: string; data: unknown }): string {
  return createHash('sha256').update(canonicalJson({ type: event.type, data: event.data })).digest('hex');
}

/** JSON with object keys sorted, so equal data always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export interface ChainVerdict {
  intact: boolean;
  /** The first event whose `previousHash` does not match the event before it. */
  brokenAt: { revision: number; type: string } | null;
  /** Hash of the last event: keep it elsewhere to detect a change of the last event too. */
  headHash: string | null;
}

export function verifyChain(events: ReadonlyArray<{ revision: number; type: string; data: unknown }>): ChainVerdict {
  let previous: string | null = null;
  for (const event of events) {
    const claimed = (event.data as Partial<Chained> | null)?.previousHash ?? null;
    if (claimed !== previous) return { intact: false, brokenAt: { revision: event.revision, type: event.type }, headHash: null };
    previous = hashOf(event);
  }
  return { intact: true, brokenAt: null, headHash: previous };
}
