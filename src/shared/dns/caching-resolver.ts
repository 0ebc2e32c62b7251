import type { DnsResolver } from './dns-resolver';

export interface DnsCacheOptions {
  /** How long an answer is reused. node's resolve() does not hand out record TTLs, so one bound for all. */
  ttlMs: number;
  /** How long "no such name" or "no such record" is reused: most senders publish no DMARC or DKIM key at a guessed name. */
  negativeTtlMs: number;
  /** Names kept at most; the oldest go first. */
  maxEntries: number;
  now?: () => number;
}

export const DNS_CACHE_DEFAULTS: DnsCacheOptions = { ttlMs: 5 * 60_000, negativeTtlMs: 60_000, maxEntries: 10_000 };

/** Answers that say the record does not exist: as final as an answer, and cached as one. */
const NEGATIVE = new Set(['ENOTFOUND', 'ENODATA']);

type Entry = { expires: number; answers: unknown[] } | { expires: number; error: unknown };

/**
 * A bounded cache in front of a resolver, as a mail server's caching resolver would be. Sender
 * verification asks several names per mail (SPF, DMARC, DKIM keys), the same ones for every mail
 * of a sender; without a cache each mail waits on the network for all of them before SMTP answers
 * 250. Lookups of one name under way at once are asked once. Timeouts and server failures are not
 * kept: the next mail asks again.
 */
export function cachingResolver(inner: DnsResolver, options: DnsCacheOptions = DNS_CACHE_DEFAULTS): DnsResolver {
  const now = options.now ?? Date.now;
  const entries = new Map<string, Entry>();
  const asking = new Map<string, Promise<unknown[]>>();

  const keep = (key: string, entry: Entry) => {
    entries.delete(key);
    entries.set(key, entry);
    while (entries.size > options.maxEntries) entries.delete(entries.keys().next().value as string);
  };

  return (name, rrtype) => {
    const key = `${rrtype.toUpperCase()} ${name.toLowerCase().replace(/\.$/, '')}`;
    const entry = entries.get(key);
    if (entry && entry.expires > now()) return 'answers' in entry ? Promise.resolve([...entry.answers]) : Promise.reject(entry.error);
    if (entry) entries.delete(key);
    const pending = asking.get(key);
    if (pending) return pending.then((answers) => [...answers]);
    const lookup = inner(name, rrtype).then(
      (answers) => {
        keep(key, { expires: now() + options.ttlMs, answers });
        return answers;
      },
      (error: unknown) => {
        if (NEGATIVE.has((error as { code?: string }).code ?? '')) keep(key, { expires: now() + options.negativeTtlMs, error });
        throw error;
      },
    );
    asking.set(key, lookup);
    const done = () => asking.delete(key);
    lookup.then(done, done);
    return lookup.then((answers) => [...answers]);
  };
}
