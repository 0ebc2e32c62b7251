import { readFileSync, unwatchFile, watchFile } from 'node:fs';

/**
 * What time it is, for rules that depend on it (a snooze's wake-up). A port so tests can move time
 * on without sleeping; production always reads the system clock.
 */
export interface Clock {
  now(): Date;
  /** Calls `listener` when the clock jumps other than by time passing (only a test clock does). */
  onJump(listener: () => void): () => void;
}

export const CLOCK = Symbol('CLOCK');

export const systemClock: Clock = {
  now: () => new Date(),
  onJump: () => () => undefined,
};

/**
 * The system clock shifted by a number of milliseconds that a test writes into a file. Only for
 * the app a test spawns: `clockFor` honours it with NODE_ENV=test alone, so a production start
 * can never reach it.
 */
export class FileOffsetClock implements Clock {
  private offsetMs: number;
  private readonly listeners = new Set<() => void>();

  constructor(private readonly file: string) {
    this.offsetMs = this.read();
    watchFile(file, { interval: 50, persistent: false }, this.changed);
  }

  private readonly changed = () => {
    const offset = this.read();
    if (offset === this.offsetMs) return;
    this.offsetMs = offset;
    for (const listener of this.listeners) listener();
  };

  now(): Date {
    // Read again: a test that wrote the file expects the very next request to see it.
    this.offsetMs = this.read();
    return new Date(Date.now() + this.offsetMs);
  }

  onJump(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  close(): void {
    unwatchFile(this.file, this.changed);
  }

  private read(): number {
    try {
      const offset = Number(readFileSync(this.file, 'utf8').trim() || '0');
      return Number.isFinite(offset) ? offset : 0;
    } catch {
      return 0;
    }
  }
}

/** The app's clock: the system's, unless a test run names an offset file (INBOX_TEST_CLOCK_FILE with NODE_ENV=test). */
export function clockFor(env: Record<string, string | undefined> = process.env): Clock {
  const file = env.INBOX_TEST_CLOCK_FILE;
  if (!file || env.NODE_ENV !== 'test') return systemClock;
  return new FileOffsetClock(file);
}
