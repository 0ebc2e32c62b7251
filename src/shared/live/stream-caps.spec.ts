import { DEFAULT_STREAM_LIMITS, StreamCaps, TooManyStreams } from './stream-caps';

describe('StreamCaps', () => {
  it('admits up to each holder’s limit, counts only what it admitted, and frees a slot once per release', () => {
    const caps = new StreamCaps();
    const visitor = { chatSession: 'c1', address: '203.0.113.1' };
    const releases = Array.from({ length: DEFAULT_STREAM_LIMITS.perChatSession }, () => caps.admit(visitor));
    expect(() => caps.admit(visitor)).toThrow(TooManyStreams);
    // The refusal took nothing: the address still has only the visitor's streams.
    expect(caps.openFor({ address: '203.0.113.1' })).toBe(DEFAULT_STREAM_LIMITS.perChatSession);

    releases[0]();
    releases[0]();
    expect(caps.openFor(visitor)).toBe(DEFAULT_STREAM_LIMITS.perChatSession - 1);
    expect(() => caps.admit(visitor)).not.toThrow();
  });

  it('caps an address across its owners, with the configured limit', () => {
    const caps = new StreamCaps({ ...DEFAULT_STREAM_LIMITS, perAddress: 4 });
    for (let i = 0; i < 4; i++) caps.admit({ user: `u${i}`, address: '198.51.100.1' });
    expect(() => caps.admit({ user: 'u9', address: '198.51.100.1' })).toThrow(/your address \(at most 4 at once\)/);
    expect(() => caps.admit({ user: 'u9', address: '198.51.100.2' })).not.toThrow();
  });

  it('names the holder and its limit, and asks to come back soon', () => {
    const caps = new StreamCaps();
    for (let i = 0; i < DEFAULT_STREAM_LIMITS.perUser; i++) caps.admit({ user: 'u1', address: `192.0.2.${i}` });
    const refusal = (() => {
      try {
        caps.admit({ user: 'u1', address: '192.0.2.99' });
      } catch (error) {
        return error as TooManyStreams;
      }
    })();
    expect(refusal).toMatchObject({ code: 'STREAM.TOO_MANY', kind: 'too_many_requests', message: expect.stringContaining('your user (at most 10 at once)') });
    expect(refusal?.retryAfterSeconds).toBeGreaterThan(0);
  });
});
