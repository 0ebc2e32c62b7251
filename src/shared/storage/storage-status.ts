import { statfs } from 'node:fs/promises';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { RegisterHealthIndicator, type ComponentHealth, type HealthIndicator } from '../http/health-indicator';
import type { SpaceReport, StorageFull } from './storage-full';

/** How long a refused write is reported after the last one, when no write of that store has succeeded since. */
const REPORTED_FOR_MS = 60_000;

/**
 * Whether the stores have room: `storage` in /api/health is down while a store refuses writes for
 * lack of space, or while the data volume has less room than one message of MAX_MESSAGE_BYTES, and
 * says which store, since when, and how much is left. A refusal is reported until the store's next
 * successful write, or a minute after the last one: a node taken out of rotation gets no writes
 * that could prove it has room again.
 */
@Injectable()
@RegisterHealthIndicator()
export class StorageStatus implements SpaceReport, HealthIndicator {
  readonly healthName = 'storage';
  private readonly refusals = new Map<string, { since: number; last: number; message: string }>();

  constructor(@Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'dataDir' | 'maxMessageBytes'>) {}

  refused(error: StorageFull, now = Date.now()): void {
    const known = this.refusals.get(error.store);
    this.refusals.set(error.store, { since: known && now - known.last < REPORTED_FOR_MS ? known.since : now, last: now, message: error.message });
  }

  wrote(store: string): void {
    if (this.refusals.size > 0) this.refusals.delete(store);
  }

  async health(now = Date.now()): Promise<ComponentHealth> {
    const freeBytes = await this.freeBytes();
    const reasons = [...this.refusals.values()]
      .filter((refusal) => now - refusal.last < REPORTED_FOR_MS)
      .map((refusal) => `${refusal.message} since ${new Date(refusal.since).toISOString()}`);
    if (freeBytes !== null && freeBytes < this.config.maxMessageBytes) {
      reasons.push(`the data volume has ${freeBytes} bytes free, less than one message of MAX_MESSAGE_BYTES (${this.config.maxMessageBytes})`);
    }
    if (reasons.length === 0) return { up: true, freeBytes };
    return { up: false, freeBytes, error: `${reasons.join('; ')}; new mail is answered 452 and writes 507 until space is freed` };
  }

  /** Bytes the data volume has left for this process, or null where the platform cannot say. */
  protected async freeBytes(): Promise<number | null> {
    try {
      const stats = await statfs(this.config.dataDir);
      return stats.bavail * stats.bsize;
    } catch {
      return null;
    }
  }
}
