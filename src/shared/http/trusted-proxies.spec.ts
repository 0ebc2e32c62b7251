import { proxyEntryProblem, TrustedProxies } from './trusted-proxies';

describe('TrustedProxies', () => {
  const proxies = new TrustedProxies(['10.0.0.0/8', '192.168.1.7', 'fd00::/8', '::1']);

  it('knows addresses and ranges of both families, IPv4 peers of a dual-stack socket included', () => {
    expect(proxies.includes('10.1.2.3')).toBe(true);
    expect(proxies.includes('::ffff:10.1.2.3')).toBe(true);
    expect(proxies.includes('192.168.1.7')).toBe(true);
    expect(proxies.includes('fd12::1')).toBe(true);
    expect(proxies.includes('::1')).toBe(true);
  });

  it('trusts nobody else, and nobody at all by default', () => {
    expect(proxies.includes('11.0.0.1')).toBe(false);
    expect(proxies.includes('192.168.1.8')).toBe(false);
    expect(proxies.includes('127.0.0.1')).toBe(false);
    expect(proxies.includes(undefined)).toBe(false);
    expect(new TrustedProxies([]).includes('127.0.0.1')).toBe(false);
  });

  it('names what is wrong with an entry', () => {
    expect(proxyEntryProblem('10.0.0.0/8')).toBeNull();
    expect(proxyEntryProblem('proxy.example.com')).toMatch(/not an IP address or a CIDR range/);
    expect(proxyEntryProblem('10.0.0.0/33')).toMatch(/prefix length beyond 32/);
    expect(proxyEntryProblem('fd00::/129')).toMatch(/prefix length beyond 128/);
    expect(proxyEntryProblem('10.0.0.0/8/1')).toMatch(/not an IP address/);
  });
});
