/**
 * Sessions open per client address. Only a session that was admitted counts, and only it is
 * released: smtp-server reports the close of every connection, including the ones refused here,
 * and releasing those too let one address open five times its share.
 */
export class ConnectionGate {
  private readonly ipOfSession = new Map<string, string>();
  private readonly openPerIp = new Map<string, number>();

  constructor(private readonly maxPerIp: number) {}

  /** Admits the session unless its address already holds its share. */
  admit(sessionId: string, ip: string): boolean {
    const open = this.openFrom(ip);
    if (open >= this.maxPerIp || this.ipOfSession.has(sessionId)) return false;
    this.ipOfSession.set(sessionId, ip);
    this.openPerIp.set(ip, open + 1);
    return true;
  }

  /** A closed session; one that was never admitted changes nothing. */
  release(sessionId: string): void {
    const ip = this.ipOfSession.get(sessionId);
    if (ip === undefined) return;
    this.ipOfSession.delete(sessionId);
    const open = this.openFrom(ip) - 1;
    if (open <= 0) this.openPerIp.delete(ip);
    else this.openPerIp.set(ip, open);
  }

  openFrom(ip: string): number {
    return this.openPerIp.get(ip) ?? 0;
  }

  get admitted(): number {
    return this.ipOfSession.size;
  }
}
