import type { IncomingMessage } from 'node:http';
import { isOperatorRequest } from './operator-request';

const TOKEN = 'operators-only-0123456789abcdef';
const request = (remoteAddress: string | undefined, headers: Record<string, string> = {}) =>
  ({ socket: { remoteAddress }, headers: Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v])) }) as unknown as IncomingMessage;

describe('isOperatorRequest', () => {
  it.each(['127.0.0.1', '127.8.9.10', '::1', '::ffff:127.0.0.1'])('takes a direct caller on loopback (%s)', (address) => {
    expect(isOperatorRequest(request(address), null)).toBe(true);
  });

  it.each(['10.0.0.5', '::ffff:192.168.1.2', '2001:db8::1', '::ffff:1127.0.0.1', undefined])('refuses anyone else without the token (%s)', (address) => {
    expect(isOperatorRequest(request(address), TOKEN)).toBe(false);
  });

  it('refuses a loopback caller that relays someone (X-Forwarded-For, Forwarded)', () => {
    expect(isOperatorRequest(request('127.0.0.1', { 'X-Forwarded-For': '127.0.0.1' }), null)).toBe(false);
    expect(isOperatorRequest(request('::1', { Forwarded: 'for=198.51.100.4' }), null)).toBe(false);
  });

  it('takes the health token from anywhere, and only the exact token', () => {
    expect(isOperatorRequest(request('203.0.113.9', { Authorization: `Bearer ${TOKEN}`, 'X-Forwarded-For': '203.0.113.9' }), TOKEN)).toBe(true);
    expect(isOperatorRequest(request('203.0.113.9', { Authorization: `Bearer ${TOKEN}x` }), TOKEN)).toBe(false);
    expect(isOperatorRequest(request('203.0.113.9', { Authorization: `Bearer ${TOKEN}` }), null)).toBe(false);
  });
});
