import { chmodSync, closeSync, openSync } from 'node:fs';

/**
 * Read and write for the app's user alone: the event log holds password hashes and session
 * events, the blobs and the outbox every mail. Like `secret.key`.
 */
export const OWNER_ONLY = 0o600;

/** Makes `file` (empty) if it is missing, readable by its owner only; tightens it if it was open to others. */
export function ensureOwnerOnlyFile(file: string): void {
  closeSync(openSync(file, 'a', OWNER_ONLY));
  chmodSync(file, OWNER_ONLY);
}

/** Tightens `file` to the owner if it exists: files an earlier build made with the default mode. */
export function tightenToOwner(file: string): void {
  try {
    chmodSync(file, OWNER_ONLY);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}
