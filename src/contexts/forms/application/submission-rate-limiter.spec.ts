import { SubmissionRateLimiter, TooManySubmissions } from './submission-rate-limiter';

describe('submission rate limiter', () => {
  it('refuses the 21st attempt of an IP within ten minutes, says when to retry, and forgives after the window', () => {
    const limiter = new SubmissionRateLimiter();
    const start = 1_000_000;
    for (let i = 0; i < 20; i++) limiter.take('203.0.113.9', start + i * 1000);
    let refused: unknown;
    try {
      limiter.take('203.0.113.9', start + 60_000);
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(TooManySubmissions);
    // The oldest attempt leaves the window ten minutes after it was made.
    expect((refused as TooManySubmissions).retryAfterSeconds).toBe(540);
    expect(() => limiter.take('198.51.100.1', start + 60_000)).not.toThrow();
    expect(() => limiter.take('203.0.113.9', start + 10 * 60_000 + 1)).not.toThrow();
  });
});
