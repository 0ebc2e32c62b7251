import { authenticationHeaderCount, failsEnforcedDmarc, MAX_AUTHENTICATION_HEADERS, senderAuthenticationOf, type AuthenticationChecks } from './sender-authentication';

const TRUSTED = ['google.com'];
const checks = (overrides: Partial<AuthenticationChecks> = {}): AuthenticationChecks => ({
  fromDomain: 'customer.example',
  spf: { result: 'none', domain: 'customer.example' },
  dkim: [],
  dmarc: { result: 'none', policy: null },
  arc: { result: 'none', sealer: null, originalDmarc: null },
  ...overrides,
});
const signed = (result: string, aligned = true, comment: string | null = null) => ({ result, domain: 'customer.example', aligned, comment });

describe('senderAuthenticationOf', () => {
  it('verifies a sender whose domain passes DMARC', () => {
    expect(senderAuthenticationOf(checks({ dkim: [signed('pass')], dmarc: { result: 'pass', policy: 'reject' } }), TRUSTED)).toEqual({
      verdict: 'verified',
      spf: 'none',
      dkim: 'pass',
      dmarc: 'pass',
      arc: 'none',
      dmarcPolicy: 'reject',
      reason: null,
    });
  });

  it('without a DMARC record, verifies by an aligned DKIM signature or SPF of the From domain, not by a third party', () => {
    expect(senderAuthenticationOf(checks({ dkim: [signed('pass')] }), TRUSTED).verdict).toBe('verified');
    expect(senderAuthenticationOf(checks({ spf: { result: 'pass', domain: 'mail.customer.example' } }), TRUSTED).verdict).toBe('verified');
    const thirdParty = senderAuthenticationOf(checks({ dkim: [{ ...signed('pass', false), domain: 'mailer.example' }] }), TRUSTED);
    expect(thirdParty).toMatchObject({ verdict: 'unverified', reason: 'customer.example publishes no DMARC policy, and nothing in the mail is signed by it' });
  });

  it('says why DMARC failed: a tampered body, under the domain policy', () => {
    const tampered = checks({ dkim: [signed('neutral', true, 'body hash did not verify')], dmarc: { result: 'fail', policy: 'quarantine' } });
    expect(senderAuthenticationOf(tampered, TRUSTED)).toMatchObject({
      verdict: 'unverified',
      dkim: 'neutral',
      dmarc: 'fail',
      dmarcPolicy: 'quarantine',
      reason: 'customer.example did not sign it and did not send it (DMARC failed, policy quarantine): DKIM signature of customer.example failed (body hash did not verify)',
    });
  });

  it('believes a trusted forwarder whose ARC seal says the original passed DMARC, and no one else', () => {
    const forwarded = (sealer: string, originalDmarc = 'pass') =>
      checks({ dkim: [signed('neutral', true, 'body hash did not verify')], dmarc: { result: 'fail', policy: 'reject' }, arc: { result: 'pass', sealer, originalDmarc } });
    expect(senderAuthenticationOf(forwarded('google.com'), TRUSTED)).toMatchObject({
      verdict: 'verified',
      arc: 'pass',
      reason: 'forwarded by google.com, which found the original passed DMARC',
    });
    expect(senderAuthenticationOf(forwarded('google.com', 'fail'), TRUSTED).verdict).toBe('unverified');
    expect(senderAuthenticationOf(forwarded('spammer.example'), TRUSTED).verdict).toBe('unverified');
  });

  it('gives a DNS that did not answer as a temporary error', () => {
    expect(senderAuthenticationOf(checks({ dmarc: { result: 'temperror', policy: null } }), TRUSTED)).toMatchObject({
      verdict: 'unverified',
      dmarc: 'temperror',
      reason: 'DNS did not answer in time for customer.example; try again later',
    });
  });

  it('reads results it does not know as permerror, and a mail without From as unverified', () => {
    expect(senderAuthenticationOf(checks({ spf: { result: 'skipped', domain: 'x' } }), TRUSTED).spf).toBe('permerror');
    expect(senderAuthenticationOf(checks({ fromDomain: null }), TRUSTED)).toMatchObject({ verdict: 'unverified', reason: 'the mail names no From address' });
  });
});

describe('failsEnforcedDmarc', () => {
  const base = senderAuthenticationOf(checks({ dmarc: { result: 'fail', policy: 'reject' } }), TRUSTED);

  it('holds for a DMARC failure under quarantine or reject, not under none, nor for a verified or unknown sender', () => {
    expect(failsEnforcedDmarc(base)).toBe(true);
    expect(failsEnforcedDmarc({ ...base, dmarcPolicy: 'quarantine' })).toBe(true);
    expect(failsEnforcedDmarc({ ...base, dmarcPolicy: 'none' })).toBe(false);
    expect(failsEnforcedDmarc({ ...base, verdict: 'verified' })).toBe(false);
    expect(failsEnforcedDmarc(undefined)).toBe(false);
  });
});

describe('the bound on signatures checked', () => {
  const mail = (head: string[]) => Buffer.from([...head, '', 'DKIM-Signature: in the body does not count', ''].join('\r\n'));

  it('counts DKIM signatures and ARC headers in the header block only, in any case', () => {
    expect(authenticationHeaderCount(mail(['From: a@example.com', 'DKIM-Signature: v=1; d=example.com', 'dkim-signature:v=1', 'ARC-Seal: i=1', 'ARC-Message-Signature: i=1', 'ARC-Authentication-Results: i=1']))).toBe(5);
    expect(authenticationHeaderCount(mail(['From: a@example.com', 'X-DKIM-Signature: not one']))).toBe(0);
  });

  it('sees a hostile pile of signatures as more than the bound', () => {
    const pile = Array.from({ length: MAX_AUTHENTICATION_HEADERS + 1 }, (_, i) => `DKIM-Signature: v=1; d=s${i}.example`);
    expect(authenticationHeaderCount(mail(['From: a@example.com', ...pile]))).toBeGreaterThan(MAX_AUTHENTICATION_HEADERS);
  });
});
