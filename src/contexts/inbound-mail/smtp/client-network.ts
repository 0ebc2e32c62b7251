import { isIPv6 } from 'node:net';

/**
 * What limits per client address count by: an IPv4 address, or the /64 network of an IPv6 one.
 * One IPv6 host usually has a whole /64 to pick addresses from, so counting single IPv6 addresses
 * would give it 2^64 shares.
 */
export function clientNetwork(address: string): string {
  if (!isIPv6(address)) return address;
  const [head, tail = null] = address.toLowerCase().split('%')[0].split('::') as [string, string?];
  const groups = (part: string | null) => (part ? part.split(':').flatMap((group) => (group.includes('.') ? ['0', '0'] : [group])) : []);
  const front = groups(head);
  const back = tail === null ? [] : groups(tail);
  const all = tail === null ? front : [...front, ...Array(8 - front.length - back.length).fill('0'), ...back];
  return `${all.slice(0, 4).map((group) => Number.parseInt(group, 16).toString(16)).join(':')}::/64`;
}
