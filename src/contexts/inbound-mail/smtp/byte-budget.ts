/**
 * A semaphore on bytes: messages enter parsing while the bytes already in it stay within the
 * budget, and the rest wait in line (in their spool files, not in memory), first come first
 * served. A message larger than the whole budget enters alone, so it is never stuck.
 */
export class ByteBudget {
  private inFlight = 0;
  private readonly waiting: Array<{ bytes: number; admit: () => void }> = [];

  constructor(readonly capacity: number) {}

  /** Waits for room for `bytes`; the returned function gives it back (once). */
  async acquire(bytes: number): Promise<() => void> {
    if (this.waiting.length === 0 && this.fits(bytes)) this.inFlight += bytes;
    else await new Promise<void>((admit) => this.waiting.push({ bytes, admit }));
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.inFlight -= bytes;
      this.admitWaiting();
    };
  }

  get bytesInFlight(): number {
    return this.inFlight;
  }

  get queued(): number {
    return this.waiting.length;
  }

  private fits(bytes: number): boolean {
    return this.inFlight === 0 || this.inFlight + bytes <= this.capacity;
  }

  private admitWaiting(): void {
    while (this.waiting.length > 0 && this.fits(this.waiting[0].bytes)) {
      const next = this.waiting.shift() as { bytes: number; admit: () => void };
      this.inFlight += next.bytes;
      next.admit();
    }
  }
}
