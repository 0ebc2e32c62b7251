import { PasswordResetRateLimiter } from './password-reset-rate-limiter';

const HOUR = 60 * 60 * 1000;

describe('password reset rate limiter', () => {
  it('lets three mails a hour go to one address, then quietly none, whatever IP asks', () => {
    const limiter = new PasswordResetRateLimiter();
    expect([1, 2, 3, 4].map((i) => limiter.take('anna@example.com', `10.0.0.${i}`, 1000 + i))).toEqual([true, true, true, false]);
    expect(limiter.take('bob@example.com', '10.0.0.1', 2000)).toBe(true);
    expect(limiter.take('anna@example.com', '10.0.0.9', 1000 + HOUR + 2)).toBe(true);
  });

  it('tells an IP over twenty requests an hour to wait, naming no address', () => {
    const limiter = new PasswordResetRateLimiter();
    for (let i = 0; i < 20; i++) limiter.take(`user${i}@example.com`, '10.0.0.1', 1000 + i);
    expect(() => limiter.take('someone@example.com', '10.0.0.1', 2000)).toThrow(expect.objectContaining({ code: 'ACCOUNTS.TOO_MANY_RESET_REQUESTS' }));
    expect(limiter.take('someone@example.com', '10.0.0.2', 2000)).toBe(true);
  });
});
