import { z } from 'zod';

/** The result words of RFC 8601 (Authentication-Results) that SPF, DKIM, DMARC and ARC answer with. */
export const AuthResult = z.enum(['pass', 'fail', 'softfail', 'neutral', 'none', 'policy', 'temperror', 'permerror']);
export type AuthResult = z.infer<typeof AuthResult>;

export const DmarcPolicy = z.enum(['none', 'quarantine', 'reject']);
export type DmarcPolicy = z.infer<typeof DmarcPolicy>;

/**
 * Whether the From address of an inbound mail is vouched for (SPEC §3.11), worked out at intake.
 * `verified`: its domain's DMARC passed, or (no DMARC record) an aligned DKIM signature or SPF pass
 * vouches for it, or a trusted forwarder's ARC seal says the original passed DMARC.
 */
export const SenderAuthentication = z.object({
  verdict: z.enum(['verified', 'unverified']),
  spf: AuthResult,
  dkim: AuthResult,
  dmarc: AuthResult,
  arc: AuthResult,
  /** The policy the From domain publishes (its `p=`, or `sp=` for a subdomain), null without a DMARC record. */
  dmarcPolicy: DmarcPolicy.nullable(),
  /** Why it is unverified, or by whom it was vouched for when that was a forwarder; in words for the thread. */
  reason: z.string().max(300).nullable(),
});
export type SenderAuthentication = z.infer<typeof SenderAuthentication>;

/** What the checks found, as plain data (the library's answer reshaped by the verifier). */
export interface AuthenticationChecks {
  fromDomain: string | null;
  /** Null when the mail came without an SMTP client to check (over HTTP). */
  spf: { result: string; domain: string } | null;
  dkim: Array<{ result: string; domain: string; aligned: boolean; comment: string | null }>;
  dmarc: { result: string; policy: string | null } | null;
  arc: { result: string; sealer: string | null; originalDmarc: string | null } | null;
}

export function authResultOf(value: string | null | undefined): AuthResult {
  if (!value) return 'none';
  const parsed = AuthResult.safeParse(value.toLowerCase());
  return parsed.success ? parsed.data : 'permerror';
}

/** The verdict of `checks`; `trustedSealers` are the forwarders whose ARC seal is believed. */
export function senderAuthenticationOf(checks: AuthenticationChecks, trustedSealers: readonly string[]): SenderAuthentication {
  const dkim = bestDkim(checks.dkim);
  const dmarcPolicy = DmarcPolicy.safeParse(checks.dmarc?.policy?.toLowerCase()).data ?? null;
  const results = {
    spf: authResultOf(checks.spf?.result),
    dkim: authResultOf(dkim?.result),
    dmarc: authResultOf(checks.dmarc?.result),
    arc: authResultOf(checks.arc?.result),
    dmarcPolicy,
  };
  const verified = (reason: string | null): SenderAuthentication => ({ verdict: 'verified', ...results, reason });
  const unverified = (reason: string): SenderAuthentication => ({ verdict: 'unverified', ...results, reason: reason.slice(0, 300) });

  if (results.dmarc === 'pass') return verified(null);
  const sealer = checks.arc?.sealer?.toLowerCase() ?? null;
  if (results.arc === 'pass' && sealer && trustedSealers.includes(sealer) && authResultOf(checks.arc?.originalDmarc) === 'pass') {
    return verified(`forwarded by ${sealer}, which found the original passed DMARC`);
  }
  const domain = checks.fromDomain ?? 'the sender';
  if (!checks.fromDomain) return unverified('the mail names no From address');
  if ([results.dmarc, results.dkim, results.spf].includes('temperror')) return unverified(`DNS did not answer in time for ${domain}; try again later`);
  if (results.dmarc === 'fail') {
    const why = dkim && dkim.result !== 'pass' ? `: ${dkimProblem(dkim)}` : '';
    return unverified(`${domain} did not sign it and did not send it (DMARC failed${dmarcPolicy ? `, policy ${dmarcPolicy}` : ''})${why}`);
  }
  // No DMARC record: what the domain does publish still vouches, when it is the From domain's own.
  if (checks.dkim.some((sig) => authResultOf(sig.result) === 'pass' && sig.aligned)) return verified(null);
  if (results.spf === 'pass' && sameOrParent(checks.spf?.domain ?? '', checks.fromDomain)) return verified(null);
  if (dkim && dkim.result !== 'pass') return unverified(dkimProblem(dkim));
  if (results.spf === 'fail' || results.spf === 'softfail') return unverified(`SPF ${results.spf}: ${domain} does not send from this server`);
  return unverified(`${domain} publishes no DMARC policy, and nothing in the mail is signed by it`);
}

/**
 * A mail that claims a domain whose owner asks receivers to quarantine or reject what fails DMARC,
 * and fails it: it must not join a conversation just because its From names a participant.
 */
export function failsEnforcedDmarc(authentication: SenderAuthentication | undefined): boolean {
  return (
    authentication !== undefined &&
    authentication.verdict === 'unverified' &&
    authentication.dmarc === 'fail' &&
    (authentication.dmarcPolicy === 'quarantine' || authentication.dmarcPolicy === 'reject')
  );
}

/** The signature that says most: an aligned pass, any pass, then the first that failed. */
function bestDkim(signatures: AuthenticationChecks['dkim']): AuthenticationChecks['dkim'][number] | null {
  const pass = signatures.filter((sig) => authResultOf(sig.result) === 'pass');
  return pass.find((sig) => sig.aligned) ?? pass[0] ?? signatures[0] ?? null;
}

function dkimProblem(sig: AuthenticationChecks['dkim'][number]): string {
  return `DKIM signature of ${sig.domain || 'an unnamed domain'} ${sig.comment ? `failed (${sig.comment})` : `is ${authResultOf(sig.result)}`}`;
}

function sameOrParent(domain: string, of: string): boolean {
  const d = domain.toLowerCase();
  const o = of.toLowerCase();
  return d === o || o.endsWith(`.${d}`) || d.endsWith(`.${o}`);
}

/**
 * Signatures and seals a mail may carry before it is not checked at all. Each costs DNS lookups and a
 * public-key operation; honest mail carries a few (the author's, a list's, one ARC set per hop).
 */
export const MAX_AUTHENTICATION_HEADERS = 20;
/** Only the header block is counted, and only this much of it. */
const HEADER_SCAN_BYTES = 256 * 1024;
const AUTHENTICATION_HEADER = /^(?:dkim-signature|arc-seal|arc-message-signature|arc-authentication-results)[ \t]*:/gim;

/** How many DKIM signatures and ARC headers the mail's header block carries (counted in its first 256 KB). */
export function authenticationHeaderCount(raw: Buffer): number {
  const head = raw.subarray(0, HEADER_SCAN_BYTES).toString('latin1');
  const end = head.search(/\r?\n\r?\n/);
  return (end === -1 ? head : head.slice(0, end)).match(AUTHENTICATION_HEADER)?.length ?? 0;
}
