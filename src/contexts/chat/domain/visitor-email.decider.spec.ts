import { given } from '../../../shared/domain/decider.testing';
import { visitorEmailCode, visitorEmailDecider, type VisitorEmailEvent } from './visitor-email.decider';

const ids = { conversationId: 'c1', accountId: 'a1' };
const now = new Date('2026-12-01T10:00:00.000Z');
const deps = (at = now) => ({ now: at, codeFor: (nonce: string) => `code-${nonce}`.slice(-6) });
const claimed: VisitorEmailEvent = {
  type: 'ChatVisitorEmailClaimed',
  data: { ...ids, email: 'carla@example.com', name: 'Carla', nonce: 'n1', claimedAt: now.toISOString(), expiresAt: '2026-12-01T10:15:00.000Z' },
};
const verify = (code: string) => ({ type: 'VerifyVisitorEmail' as const, ...ids, code });
const rejected = (attempt: number): VisitorEmailEvent => ({ type: 'ChatVisitorCodeRejected', data: { ...ids, nonce: 'n1', attempt } });

describe('a chat visitor email', () => {
  it('is claimed with a code that expires in fifteen minutes', () => {
    given(visitorEmailDecider).when({ type: 'ClaimVisitorEmail', ...ids, email: 'carla@example.com', name: 'Carla', nonce: 'n1' }, deps()).then([claimed]);
  });

  it('is verified by the code of the pending claim, and only by it', () => {
    given(visitorEmailDecider, [claimed])
      .when(verify('ode-n1'), deps())
      .then([{ type: 'ChatVisitorEmailVerified', data: { ...ids, email: 'carla@example.com', name: 'Carla', verifiedAt: now.toISOString() } }]);
    given(visitorEmailDecider, [claimed]).when(verify('000000'), deps()).then([rejected(1)]);
    given(visitorEmailDecider).when(verify('ode-n1'), deps()).thenFails({ code: 'CHAT.NO_EMAIL_CLAIM' });
  });

  it('refuses a code after five wrong tries or once expired', () => {
    given(visitorEmailDecider, [claimed, rejected(1), rejected(2), rejected(3), rejected(4)]).when(verify('000000'), deps()).then([rejected(5)]);
    given(visitorEmailDecider, [claimed, rejected(1), rejected(2), rejected(3), rejected(4), rejected(5)]).when(verify('ode-n1'), deps()).thenFails({ code: 'CHAT.CODE_EXPIRED' });
    given(visitorEmailDecider, [claimed]).when(verify('ode-n1'), deps(new Date('2026-12-01T10:15:00.000Z'))).thenFails({ code: 'CHAT.CODE_EXPIRED' });
  });

  it('limits the codes one session may ask for, and does not ask again for a proven address', () => {
    const claims = [1, 2, 3, 4, 5].map((n) => ({ ...claimed, data: { ...claimed.data, nonce: `n${n}` } }));
    given(visitorEmailDecider, claims).when({ type: 'ClaimVisitorEmail', ...ids, email: 'x@example.com', name: '', nonce: 'n6' }, deps()).thenFails({ code: 'CHAT.TOO_MANY_EMAIL_CLAIMS' });
    const verified: VisitorEmailEvent = { type: 'ChatVisitorEmailVerified', data: { ...ids, email: 'carla@example.com', name: 'Carla', verifiedAt: now.toISOString() } };
    given(visitorEmailDecider, [claimed, verified]).when({ type: 'ClaimVisitorEmail', ...ids, email: 'carla@example.com', name: '', nonce: 'n2' }, deps()).then([]);
  });

  it('derives six digits from the secret, the session and the claim', () => {
    const code = visitorEmailCode('secret', 'c1', 'n1');
    expect(code).toMatch(/^\d{6}$/);
    expect(visitorEmailCode('secret', 'c1', 'n1')).toBe(code);
    expect(new Set(['n2', 'n3', 'n4'].map((n) => visitorEmailCode('secret', 'c1', n))).size).toBeGreaterThan(1);
    expect(visitorEmailCode('other', 'c1', 'n1')).not.toBe(visitorEmailCode('secret', 'c2', 'n1'));
  });
});
