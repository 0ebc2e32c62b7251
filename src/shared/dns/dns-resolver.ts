import { readFileSync } from 'node:fs';
import { Resolver } from 'node:dns/promises';

/**
 * A DNS lookup as node:dns/promises' `resolve(name, rrtype)` answers it (TXT: arrays of strings,
 * A/AAAA: addresses, MX: `{exchange, priority}`), failing with an error whose `code` says why
 * (ENOTFOUND, ENODATA, ETIMEOUT). Sender verification asks through it; tests answer from fixed records.
 */
export type DnsResolver = (name: string, rrtype: string) => Promise<unknown[]>;

export const DNS_RESOLVER = Symbol('DNS_RESOLVER');

/** Per lookup: one try, a short timeout; the whole verification is bounded again by its caller. */
const LOOKUP_TIMEOUT_MS = 2_000;

/** The system's resolver (its configured name servers). */
export function systemResolver(): DnsResolver {
  const resolver = new Resolver({ timeout: LOOKUP_TIMEOUT_MS, tries: 1 });
  return (name, rrtype) => resolver.resolve(name, rrtype) as Promise<unknown[]>;
}

/** `{ "name.example": { "TXT": [["v=spf1 -all"]], "A": ["192.0.2.1"] } }`; names compare case-insensitively. */
export type FixedRecords = Record<string, Record<string, unknown[]>>;

/**
 * Answers from fixed records, read from `file` at each lookup so a test can change them between
 * mails. A name it does not hold is ENOTFOUND, a type it does not hold ENODATA, as a real server says.
 * A record of type `TIMEOUT` makes every lookup of the name fail as unanswered; one of type `HANG`
 * makes it never answer at all (what a dead name server does to a caller without a timeout).
 */
export function fixedRecordsResolver(source: string | (() => FixedRecords)): DnsResolver {
  const records = typeof source === 'string' ? () => JSON.parse(readFileSync(source, 'utf8')) as FixedRecords : source;
  return async (name, rrtype) => {
    const lower = name.toLowerCase().replace(/\.$/, '');
    const entry = Object.entries(records()).find(([key]) => key.toLowerCase() === lower)?.[1];
    if (entry?.TIMEOUT) throw dnsError('ETIMEOUT', name, rrtype);
    if (entry?.HANG) return new Promise<never>(() => undefined);
    if (!entry) throw dnsError('ENOTFOUND', name, rrtype);
    const answers = entry[rrtype.toUpperCase()];
    if (!answers || answers.length === 0) throw dnsError('ENODATA', name, rrtype);
    return answers;
  };
}

function dnsError(code: string, name: string, rrtype: string): Error {
  return Object.assign(new Error(`query${rrtype} ${code} ${name}`), { code, hostname: name });
}
