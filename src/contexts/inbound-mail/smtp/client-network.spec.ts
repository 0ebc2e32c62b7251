import { clientNetwork } from './client-network';

describe('clientNetwork', () => {
  it('is the address itself for IPv4', () => {
    expect(clientNetwork('192.0.2.7')).toBe('192.0.2.7');
  });

  it('is the /64 network for IPv6, however the address is written', () => {
    expect(clientNetwork('2001:db8:1:2::1')).toBe('2001:db8:1:2::/64');
    expect(clientNetwork('2001:0DB8:0001:0002:ffff:0:0:99')).toBe('2001:db8:1:2::/64');
    expect(clientNetwork('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(clientNetwork('::1')).toBe('0:0:0:0::/64');
    expect(clientNetwork('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    expect(clientNetwork('2001:db8:1:2:3:4:192.0.2.1')).toBe('2001:db8:1:2::/64');
  });
});
