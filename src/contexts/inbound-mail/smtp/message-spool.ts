import { randomUUID } from 'node:crypto';
import { chmodSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { open, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';

/** A message as received, in its spool file until it is stored or refused. */
export interface SpooledMessage {
  /** Bytes the client sent, counted past the limit too. */
  size: number;
  /** Whether it is whole in the file (not over the limit). */
  complete: boolean;
  read(): Promise<Buffer>;
  remove(): Promise<void>;
}

/**
 * Message bytes on their way in go to a file of their own under DATA_DIR/spool (readable by this
 * user alone), not into memory: eight clients sending 23 MB at once cost disk, not 184 MB of heap.
 * Nothing in the spool was ever acknowledged (250 comes after the mail store has the bytes), so what
 * a crash leaves there is removed at start and the senders retry.
 */
export class MessageSpool {
  constructor(readonly dir: string) {}

  /** Creates the directory and removes what an earlier process left. */
  open(): void {
    mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    chmodSync(this.dir, 0o700);
    for (const name of readdirSync(this.dir)) rmSync(join(this.dir, name), { force: true });
  }

  /** Writes `stream` to a new file, keeping at most `limit` bytes; the file is gone if this fails. */
  async receive(stream: Readable, limit: number): Promise<SpooledMessage> {
    const path = join(this.dir, `${randomUUID()}.eml`);
    const file = await open(path, 'wx', 0o600);
    let size = 0;
    let writeFailure: unknown = null;
    try {
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        size += chunk.length;
        // Past the limit, or once a write failed (a full disk), the bytes are only read: the client
        // is still sending them, and a reply comes only after the last.
        if (size > limit || writeFailure) continue;
        await file.write(chunk).catch((error: unknown) => (writeFailure = error));
      }
      if (writeFailure) throw writeFailure;
    } catch (error) {
      await file.close();
      await rm(path, { force: true });
      throw error;
    }
    await file.close();
    return {
      size,
      complete: size <= limit,
      read: () => readFile(path),
      remove: () => rm(path, { force: true }),
    };
  }
}
