/**
 * Counts events per key within a sliding time window, in memory (per node; a restart forgives).
 * Keys idle for a whole window are forgotten, so the map does not grow with every caller ever seen.
 */
export class SlidingWindow {
  private readonly events = new Map<string, number[]>();

  constructor(readonly windowMs: number) {}

  /** The times of `key`'s events still inside the window, oldest first. */
  recent(key: string, now = Date.now()): number[] {
    const recent = (this.events.get(key) ?? []).filter((at) => at > now - this.windowMs);
    if (recent.length === 0) this.events.delete(key);
    else this.events.set(key, recent);
    return recent;
  }

  add(key: string, now = Date.now()): void {
    this.events.set(key, [...this.recent(key, now), now]);
    if (this.events.size > 10_000) this.forgetIdle(now);
  }

  clear(key: string): void {
    this.events.delete(key);
  }

  /** Seconds until `key` is back under `limit`, or 0 when it is under it now. */
  waitSeconds(key: string, limit: number, now = Date.now()): number {
    const recent = this.recent(key, now);
    if (recent.length < limit) return 0;
    return Math.max(1, Math.ceil((recent[recent.length - limit] + this.windowMs - now) / 1000));
  }

  private forgetIdle(now: number): void {
    for (const [key, times] of this.events) if (times[times.length - 1] <= now - this.windowMs) this.events.delete(key);
  }
}
