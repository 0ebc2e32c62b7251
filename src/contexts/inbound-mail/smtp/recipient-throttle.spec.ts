import { RecipientThrottle } from './recipient-throttle';

const limits = { freePerSession: 2, closeSessionAt: 4, freePerIp: 5, windowMs: 60_000, stepMs: 1_000, maxDelayMs: 3_000 };

describe('RecipientThrottle', () => {
  it('answers a session’s first unknown recipients at once, then slower, then ends the session', () => {
    const throttle = new RecipientThrottle(limits);
    expect([1, 2, 3, 4].map(() => throttle.unknown('s1', '192.0.2.1', 0))).toEqual([
      { delayMs: 0, close: false },
      { delayMs: 0, close: false },
      { delayMs: 1_000, close: false },
      { delayMs: 2_000, close: true },
    ]);
  });

  it('slows and ends every new session of an address that keeps guessing, until the window passes', () => {
    const throttle = new RecipientThrottle(limits);
    for (let session = 0; session < 5; session++) throttle.unknown(`s${session}`, '192.0.2.1', 0);
    expect(throttle.unknown('fresh', '192.0.2.1', 1)).toEqual({ delayMs: 1_000, close: true });
    expect(throttle.unknown('fresher', '192.0.2.1', 2)).toEqual({ delayMs: 2_000, close: true });
    expect(throttle.unknown('other', '198.51.100.7', 2)).toEqual({ delayMs: 0, close: false });
    expect(throttle.unknown('later', '192.0.2.1', 60_003)).toEqual({ delayMs: 0, close: false });
  });

  it('forgets a closed session', () => {
    const throttle = new RecipientThrottle(limits);
    for (let i = 0; i < 3; i++) throttle.unknown('s1', '192.0.2.1', 0);
    throttle.forget('s1');
    expect(throttle.unknown('s1', '192.0.2.2', 0)).toEqual({ delayMs: 0, close: false });
  });
});
