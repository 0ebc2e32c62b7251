import { cachingResolver } from './caching-resolver';
import type { DnsResolver } from './dns-resolver';

const notFound = (name: string) => Object.assign(new Error(`queryTxt ENOTFOUND ${name}`), { code: 'ENOTFOUND' });
const timedOut = (name: string) => Object.assign(new Error(`queryTxt ETIMEOUT ${name}`), { code: 'ETIMEOUT' });

/** A resolver that counts what it is asked and answers from a script. */
function scripted(answer: (name: string) => Promise<unknown[]>) {
  const asked: string[] = [];
  const resolver: DnsResolver = (name, rrtype) => {
    asked.push(`${rrtype} ${name}`);
    return answer(name);
  };
  return { resolver, asked };
}

describe('the DNS cache in front of the system resolver', () => {
  let clock = 0;
  const options = { ttlMs: 1_000, negativeTtlMs: 100, maxEntries: 2, now: () => clock };
  beforeEach(() => (clock = 0));

  it('asks a name once while its answer is fresh, whatever its case, and again once it is stale', async () => {
    const { resolver, asked } = scripted(async () => [['v=spf1 -all']]);
    const cached = cachingResolver(resolver, options);
    expect(await cached('Example.COM', 'TXT')).toEqual([['v=spf1 -all']]);
    expect(await cached('example.com.', 'TXT')).toEqual([['v=spf1 -all']]);
    clock = 1_001;
    await cached('example.com', 'TXT');
    expect(asked).toEqual(['TXT Example.COM', 'TXT example.com']);
  });

  it('keeps "no such name" for its shorter time, and never a timeout', async () => {
    const { resolver, asked } = scripted(async (name) => {
      throw name.startsWith('_dmarc') ? notFound(name) : timedOut(name);
    });
    const cached = cachingResolver(resolver, options);
    await expect(cached('_dmarc.example.com', 'TXT')).rejects.toMatchObject({ code: 'ENOTFOUND' });
    await expect(cached('_dmarc.example.com', 'TXT')).rejects.toMatchObject({ code: 'ENOTFOUND' });
    await expect(cached('slow.example', 'TXT')).rejects.toMatchObject({ code: 'ETIMEOUT' });
    await expect(cached('slow.example', 'TXT')).rejects.toMatchObject({ code: 'ETIMEOUT' });
    clock = 101;
    await expect(cached('_dmarc.example.com', 'TXT')).rejects.toMatchObject({ code: 'ENOTFOUND' });
    expect(asked).toEqual(['TXT _dmarc.example.com', 'TXT slow.example', 'TXT slow.example', 'TXT _dmarc.example.com']);
  });

  it('asks once for lookups of one name under way at once', async () => {
    let answer: (records: unknown[]) => void = () => undefined;
    const { resolver, asked } = scripted(() => new Promise((resolve) => (answer = resolve)));
    const cached = cachingResolver(resolver, options);
    const both = Promise.all([cached('example.com', 'TXT'), cached('example.com', 'TXT')]);
    answer([['one']]);
    expect(await both).toEqual([[['one']], [['one']]]);
    expect(asked).toEqual(['TXT example.com']);
  });

  it('holds at most maxEntries names, letting the oldest go', async () => {
    const { resolver, asked } = scripted(async (name) => [[name]]);
    const cached = cachingResolver(resolver, options);
    for (const name of ['a.example', 'b.example', 'c.example', 'a.example']) await cached(name, 'TXT');
    expect(asked).toEqual(['TXT a.example', 'TXT b.example', 'TXT c.example', 'TXT a.example']);
  });

  it('hands out copies, so a caller that changes its answer does not change the next one', async () => {
    const cached = cachingResolver(scripted(async () => ['192.0.2.1']).resolver, options);
    (await cached('mx.example', 'A')).push('tampered');
    expect(await cached('mx.example', 'A')).toEqual(['192.0.2.1']);
  });
});
