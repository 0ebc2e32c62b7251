import { createHash, randomUUID } from 'node:crypto';
import { constants } from 'node:fs';
import { mkdir, open, readFile, rename, stat, unlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';

export interface StoredBlob {
  /** sha256 of the bytes, hex: the blob's name. */
  hash: string;
  size: number;
}

export const BLOB_STORE = Symbol('BLOB_STORE');

export interface PutOptions {
  /**
   * Default true: file and directory are fsynced before `put` resolves, which is what lets SMTP
   * answer 250 after it. False for bytes derived from a durable original (a parsed body, an
   * attachment cut from the raw message): they survive a process crash, and a power loss is
   * repaired by reprocessing the original.
   */
  durable?: boolean;
}

/** Content-addressed files under one directory: the same bytes are stored once. */
export class BlobStore {
  constructor(private readonly root: string) {}

  async put(bytes: Buffer, options: PutOptions = {}): Promise<StoredBlob> {
    const durable = options.durable ?? true;
    const hash = createHash('sha256').update(bytes).digest('hex');
    const path = this.pathOf(hash);
    if (await exists(path)) return { hash, size: bytes.length };
    await mkdir(dirname(path), { recursive: true });
    const temporary = `${path}.${randomUUID()}.tmp`;
    const file = await open(temporary, constants.O_CREAT | constants.O_WRONLY | constants.O_EXCL, 0o640);
    try {
      await file.writeFile(bytes);
      if (durable) await file.sync();
    } finally {
      await file.close();
    }
    try {
      await rename(temporary, path);
    } catch (error) {
      await unlink(temporary).catch(() => undefined);
      throw error;
    }
    if (!durable) return { hash, size: bytes.length };
    // The rename is only durable once the directory entry is on disk too.
    const directory = await open(dirname(path), constants.O_RDONLY);
    try {
      await directory.sync();
    } finally {
      await directory.close();
    }
    return { hash, size: bytes.length };
  }

  get(hash: string): Promise<Buffer> {
    if (!/^[0-9a-f]{64}$/.test(hash)) return Promise.reject(new Error(`Not a blob name: ${hash}`));
    return readFile(this.pathOf(hash));
  }

  has(hash: string): Promise<boolean> {
    return /^[0-9a-f]{64}$/.test(hash) ? exists(this.pathOf(hash)) : Promise.resolve(false);
  }

  private pathOf(hash: string): string {
    return join(this.root, hash.slice(0, 2), hash.slice(2, 4), hash);
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}
