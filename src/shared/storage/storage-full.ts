/** Error codes that mean "no space left": SQLite's and the file system's (a quota counts as full too). */
const OUT_OF_SPACE_CODES = new Set(['SQLITE_FULL', 'ENOSPC', 'EDQUOT']);

/**
 * A write was refused for lack of space (SQLITE_FULL, ENOSPC). Nothing of it was stored, nothing
 * stored before is harmed, and the same write succeeds once there is room: SMTP answers 452 (the
 * sender retries), HTTP 507.
 */
export class StorageFull extends Error {
  readonly code = 'STORAGE.FULL';

  constructor(
    /** Which store refused: `event log`, `mail store`, `spool`. */
    readonly store: string,
    reason: string,
  ) {
    super(`The ${store} is out of space (${reason})`);
    this.name = 'StorageFull';
  }
}

export function isOutOfSpace(error: unknown): boolean {
  if (error instanceof StorageFull) return true;
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && OUT_OF_SPACE_CODES.has(code);
}

/** Hears of every write of a store as far as space goes, so the health check can say why writes fail. */
export interface SpaceReport {
  refused(error: StorageFull): void;
  wrote(store: string): void;
}
