import { LoginRateLimiter } from './login-rate-limiter';

const fail = (limiter: LoginRateLimiter, email: string, ip: string, times: number, now = 1_000) => {
  for (let i = 0; i < times; i++) {
    limiter.check(email, ip, now);
    limiter.recordFailure(email, ip, now);
  }
};

describe('LoginRateLimiter', () => {
  it('limits an address from one IP without touching other addresses from that IP', () => {
    const limiter = new LoginRateLimiter();
    fail(limiter, 'anna@example.com', '10.0.0.1', 5);
    expect(() => limiter.check('anna@example.com', '10.0.0.1', 2_000)).toThrow(expect.objectContaining({ code: 'ACCOUNTS.TOO_MANY_ATTEMPTS' }));
    expect(() => limiter.check('ben@example.com', '10.0.0.1', 2_000)).not.toThrow();
    expect(() => limiter.check('anna@example.com', '10.0.0.2', 2_000)).not.toThrow();
    expect(() => limiter.check('anna@example.com', '10.0.0.1', 1_000 + 15 * 60 * 1000 + 1)).not.toThrow();
  });

  it('limits an address across IPs, except from an IP it signed in from before', () => {
    const limiter = new LoginRateLimiter();
    limiter.recordSuccess('anna@example.com', '10.0.0.9', 500);
    for (let i = 0; i < 20; i++) fail(limiter, 'anna@example.com', `192.0.2.${i}`, 1);
    expect(() => limiter.check('anna@example.com', '198.51.100.1', 2_000)).toThrow(expect.objectContaining({ code: 'ACCOUNTS.TOO_MANY_ATTEMPTS' }));
    expect(() => limiter.check('anna@example.com', '10.0.0.9', 2_000)).not.toThrow();
  });
});
