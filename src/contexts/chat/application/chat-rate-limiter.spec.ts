import { ChatRateLimiter } from './chat-rate-limiter';

describe('ChatRateLimiter', () => {
  it('refuses an IP over its limit with the wait, and lets others through', () => {
    const limiter = new ChatRateLimiter();
    for (let i = 0; i < 60; i++) limiter.takeLine('1.2.3.4', 1_000 + i);
    expect(() => limiter.takeLine('1.2.3.4', 2_000)).toThrow(expect.objectContaining({ code: 'CHAT.TOO_MANY_REQUESTS', retryAfterSeconds: 59 }));
    expect(() => limiter.takeLine('5.6.7.8', 2_000)).not.toThrow();
    expect(() => limiter.takeLine('1.2.3.4', 62_000)).not.toThrow();
  });

  it('limits new sessions separately', () => {
    const limiter = new ChatRateLimiter();
    for (let i = 0; i < 30; i++) limiter.takeSession('1.2.3.4', i);
    expect(() => limiter.takeSession('1.2.3.4', 100)).toThrow(expect.objectContaining({ retryAfterSeconds: 600 }));
    expect(() => limiter.takeLine('1.2.3.4', 100)).not.toThrow();
  });
});
