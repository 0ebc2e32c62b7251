import { StreamCaps, streamHolder, STREAM_LIMITS, TooManyStreams } from './stream-caps';

describe('StreamCaps', () => {
  it('admits up to each holder’s limit, counts only what it admitted, and frees a slot once per release', () => {
    const caps = new StreamCaps();
    const visitor = streamHolder.chatSession('c1');
    const ip = streamHolder.ip('203.0.113.1');
    const releases = Array.from({ length: STREAM_LIMITS.perChatSession }, () => caps.admit([visitor, ip]));
    expect(() => caps.admit([visitor, ip])).toThrow(TooManyStreams);
    // The refusal took nothing: the address still has only the visitor's streams.
    expect(caps.openFor(ip)).toBe(STREAM_LIMITS.perChatSession);

    releases[0]();
    releases[0]();
    expect(caps.openFor(visitor)).toBe(STREAM_LIMITS.perChatSession - 1);
    expect(() => caps.admit([visitor, ip])).not.toThrow();
  });

  it('names the holder and its limit, and asks to come back soon', () => {
    const caps = new StreamCaps();
    const user = streamHolder.user('u1');
    for (let i = 0; i < STREAM_LIMITS.perUser; i++) caps.admit([user]);
    const refusal = (() => {
      try {
        caps.admit([user]);
      } catch (error) {
        return error as TooManyStreams;
      }
    })();
    expect(refusal).toMatchObject({ code: 'STREAM.TOO_MANY', kind: 'too_many_requests', message: expect.stringContaining('your user (at most 10 at once)') });
    expect(refusal?.retryAfterSeconds).toBeGreaterThan(0);
  });
});
