import { randomUUID } from 'node:crypto';
import { chmodSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { open, readFile, rm, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';

/** A message as received, in memory (a small one) or in its spool file, until it is stored or refused. */
export interface SpooledMessage {
  /** Bytes the client sent, counted past the limit too. */
  size: number;
  /** Whether it is whole (not over the limit). */
  complete: boolean;
  read(): Promise<Buffer>;
  remove(): Promise<void>;
}

/**
 * Most mail is a few kilobytes: that much stays in memory, where a file would cost five system
 * calls more per message (a third more CPU per message in bench:ingest). Bounded all the same:
 * SMTP_MAX_CLIENTS sessions of this size at most.
 */
const HELD_IN_MEMORY = 64 * 1024;

/**
 * Message bytes on their way in go to a file of their own under DATA_DIR/spool (readable by this
 * user alone) once they are more than a small message: eight clients sending 23 MB at once cost
 * disk, not 184 MB of memory. Nothing in the spool was ever acknowledged (250 comes after the mail
 * store has the bytes), so what a crash leaves there is removed at start and the senders retry.
 */
export class MessageSpool {
  constructor(
    readonly dir: string,
    private readonly heldInMemory = HELD_IN_MEMORY,
  ) {}

  /** Creates the directory and removes what an earlier process left. */
  open(): void {
    mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    chmodSync(this.dir, 0o700);
    for (const name of readdirSync(this.dir)) rmSync(join(this.dir, name), { force: true });
  }

  /** Reads `stream` whole, keeping at most `limit` bytes; no file is left behind if this fails. */
  async receive(stream: Readable, limit: number): Promise<SpooledMessage> {
    let held: Buffer[] = [];
    let heldBytes = 0;
    let size = 0;
    let file: { path: string; handle: FileHandle } | null = null;
    let writeFailure: unknown = null;
    try {
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        size += chunk.length;
        // Past the limit, or once a write failed (a full disk), the bytes are only read: the client
        // is still sending them, and a reply comes only after the last.
        if (size > limit || writeFailure) continue;
        if (!file && heldBytes + chunk.length <= this.heldInMemory) {
          held.push(chunk);
          heldBytes += chunk.length;
          continue;
        }
        try {
          if (!file) {
            const path = join(this.dir, `${randomUUID()}.eml`);
            file = { path, handle: await open(path, 'wx', 0o600) };
            await file.handle.writev(held);
            held = [];
          }
          await file.handle.write(chunk);
        } catch (error) {
          writeFailure = error;
        }
      }
      if (writeFailure) throw writeFailure;
    } catch (error) {
      await this.discard(file);
      throw error;
    }
    const complete = size <= limit;
    if (!file) {
      const bytes = Buffer.concat(held, heldBytes);
      return { size, complete, read: async () => bytes, remove: async () => undefined };
    }
    await file.handle.close();
    const { path } = file;
    return { size, complete, read: () => readFile(path), remove: () => rm(path, { force: true }) };
  }

  private async discard(file: { path: string; handle: FileHandle } | null): Promise<void> {
    if (!file) return;
    await file.handle.close().catch(() => undefined);
    await rm(file.path, { force: true });
  }
}
