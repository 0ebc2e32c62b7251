import { StorageFull } from './storage-full';
import { StorageStatus } from './storage-status';

class FixedFreeSpace extends StorageStatus {
  free: number | null = 10 ** 12;
  protected override async freeBytes(): Promise<number | null> {
    return this.free;
  }
}

describe('StorageStatus', () => {
  const status = () => new FixedFreeSpace({ dataDir: '/data', maxMessageBytes: 1000 });

  it('is up with room, and says how much', async () => {
    expect(await status().health()).toEqual({ up: true, freeBytes: 10 ** 12 });
  });

  it('is down while a store refuses writes for lack of space, naming the store and since when', async () => {
    const storage = status();
    storage.refused(new StorageFull('mail store', 'database or disk is full'), Date.parse('2026-12-02T10:00:00Z'));
    storage.refused(new StorageFull('mail store', 'database or disk is full'), Date.parse('2026-12-02T10:00:30Z'));
    expect(await storage.health(Date.parse('2026-12-02T10:00:31Z'))).toEqual({
      up: false,
      freeBytes: 10 ** 12,
      error:
        'The mail store is out of space (database or disk is full) since 2026-12-02T10:00:00.000Z; new mail is answered 452 and writes 507 until space is freed',
    });
  });

  it('is up again after the store’s next successful write, or a minute after the last refusal', async () => {
    const storage = status();
    storage.refused(new StorageFull('event log', 'database or disk is full'), 0);
    storage.refused(new StorageFull('mail store', 'database or disk is full'), 0);
    storage.wrote('event log');
    expect((await storage.health(1)).error).not.toContain('event log');
    expect((await storage.health(1)).up).toBe(false);
    expect((await storage.health(60_000)).up).toBe(true);
  });

  it('is down while the data volume has less room than one message of the largest size', async () => {
    const storage = status();
    storage.free = 999;
    expect(await storage.health()).toMatchObject({ up: false, freeBytes: 999, error: expect.stringContaining('999 bytes free, less than one message of MAX_MESSAGE_BYTES (1000)') });
  });
});
