import { BlockList, isIP } from 'node:net';

/**
 * The reverse proxies (TRUSTED_PROXIES) whose word we take on what only a proxy can know: that the
 * visitor came over HTTPS (`X-Forwarded-Proto`), the host they asked for (`X-Forwarded-Host`) and
 * the request id to record (`X-Request-Id`). From anyone else these headers are ignored: a client
 * could otherwise write its own reason into the audit trail.
 */
export class TrustedProxies {
  private readonly list = new BlockList();
  readonly entries: readonly string[];

  constructor(entries: readonly string[]) {
    this.entries = entries;
    for (const entry of entries) {
      const problem = proxyEntryProblem(entry);
      if (problem) throw new Error(problem);
      const [address, prefix] = entry.split('/');
      const type = isIP(address) === 6 ? 'ipv6' : 'ipv4';
      if (prefix === undefined) this.list.addAddress(address, type);
      else this.list.addSubnet(address, Number(prefix), type);
    }
  }

  /** Whether `address` (a socket's peer) is one of them. */
  includes(address: string | undefined): boolean {
    if (!address) return false;
    // A dual-stack socket reports IPv4 peers as ::ffff:a.b.c.d.
    const plain = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1] ?? address;
    const type = isIP(plain);
    return type !== 0 && this.list.check(plain, type === 6 ? 'ipv6' : 'ipv4');
  }
}

/** Why `entry` is not an IP address or a CIDR range (`10.0.0.0/8`, `fd00::/8`), or null when it is. */
export function proxyEntryProblem(entry: string): string | null {
  const [address, prefix, extra] = entry.split('/');
  const version = isIP(address);
  if (version === 0 || extra !== undefined) return `"${entry}" is not an IP address or a CIDR range such as 10.0.0.0/8`;
  if (prefix !== undefined && !(/^\d{1,3}$/.test(prefix) && Number(prefix) <= (version === 6 ? 128 : 32))) {
    return `"${entry}" has a prefix length beyond ${version === 6 ? 128 : 32}`;
  }
  return null;
}
