import { statfs } from 'node:fs/promises';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { RegisterHealthIndicator, type ComponentHealth, type HealthIndicator } from '../http/health-indicator';
import type { SpaceReport, StorageFull } from './storage-full';

/** How long a refused write is reported after the last one, when no write of that store has succeeded since. */
const REPORTED_FOR_MS = 60_000;

/**
 * Whether the stores have room: `storage` in /api/health is down while a store refuses writes for
 * lack of space, and says which store, since when, and how much the data volume has left. It
 * recovers on the store's next successful write, or a minute after the last refusal: a node taken
 * out of rotation gets no writes that could prove it has room again.
 */
@Injectable()
@RegisterHealthIndicator()
export class StorageStatus implements SpaceReport, HealthIndicator {
  readonly healthName = 'storage';
  private readonly refusals = new Map<string, { since: number; last: number; message: string }>();

  constructor(@Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'dataDir'>) {}

  refused(error: StorageFull, now = Date.now()): void {
    const known = this.refusals.get(error.store);
    this.refusals.set(error.store, { since: known && now - known.last < REPORTED_FOR_MS ? known.since : now, last: now, message: error.message });
  }

  wrote(store: string): void {
    if (this.refusals.size > 0) this.refusals.delete(store);
  }

  async health(now = Date.now()): Promise<ComponentHealth> {
    const freeBytes = await this.freeBytes();
    const full = [...this.refusals.values()].filter((refusal) => now - refusal.last < REPORTED_FOR_MS);
    if (full.length === 0) return { up: true, freeBytes };
    const why = full.map((refusal) => `${refusal.message} since ${new Date(refusal.since).toISOString()}`).join('; ');
    return { up: false, freeBytes, error: `${why}; new mail is answered 452 and writes 507 until space is freed` };
  }

  private async freeBytes(): Promise<number | null> {
    try {
      const stats = await statfs(this.config.dataDir);
      return stats.bavail * stats.bsize;
    } catch {
      return null;
    }
  }
}
