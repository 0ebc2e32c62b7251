import { Global, Inject, Logger, Module, type OnApplicationShutdown } from '@nestjs/common';
import { join } from 'node:path';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { openSqlite, type SqliteDatabase } from '../sqlite/open-sqlite';
import { EVENT_STORE, type EventStore } from './event-store.port';
import { EventStoreDbEventStore } from './esdb.event-store';
import { SqliteEventStore } from './sqlite.event-store';
import { BLOB_STORE, BlobStore } from '../blobs/blob-store';
import { loadServerSecret, SERVER_SECRET } from '../config/server-secret';

/** The read models' SQLite database (projections, checkpoints, lookups). */
export const READ_MODEL_DB = Symbol('READ_MODEL_DB');

/** The embedded store keeps events and read models in one file; beside EventStoreDB the read models get their own. */
export function databaseFiles(config: AppConfig): { events: string | null; readModels: string; blobs: string } {
  // Mail bytes get a file of their own: they are large, and the event log stays small to replay.
  const blobs = join(config.dataDir, 'blobs.db');
  return config.eventStoreUrl
    ? { events: null, readModels: join(config.dataDir, 'read-models.db'), blobs }
    : { events: join(config.dataDir, 'inbox.db'), readModels: join(config.dataDir, 'inbox.db'), blobs };
}

export function openEventStore(config: AppConfig): EventStore {
  const files = databaseFiles(config);
  return config.eventStoreUrl
    ? EventStoreDbEventStore.fromConnectionString(config.eventStoreUrl)
    : new SqliteEventStore(files.events as string);
}

class StorageLifecycle implements OnApplicationShutdown {
  private readonly logger = new Logger('Storage');
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODEL_DB) private readonly readModels: SqliteDatabase,
    @Inject(BLOB_STORE) private readonly blobs: BlobStore,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
    this.readModels.close();
    await this.blobs.close();
    this.logger.log('event store and read models closed');
  }
}

@Global()
@Module({
  providers: [
    { provide: EVENT_STORE, inject: [APP_CONFIG], useFactory: openEventStore },
    {
      provide: READ_MODEL_DB,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => {
        const files = databaseFiles(config);
        // Beside the embedded store, the store's writer thread checkpoints the shared file.
        const db = openSqlite(files.readModels, { synchronous: 'NORMAL', checkpoints: files.events !== files.readModels });
        // 64 MB of page cache instead of SQLite's 2 MB: projections update rows all over tables of a
        // million messages (and FTS5 segments), and a rebuild spends its time re-reading evicted pages.
        db.pragma('cache_size = -65536');
        return db;
      },
    },
    { provide: BLOB_STORE, inject: [APP_CONFIG], useFactory: (config: AppConfig) => new BlobStore(databaseFiles(config).blobs) },
    { provide: SERVER_SECRET, inject: [APP_CONFIG], useFactory: loadServerSecret },
    StorageLifecycle,
  ],
  exports: [EVENT_STORE, READ_MODEL_DB, BLOB_STORE, SERVER_SECRET],
})
export class EventStoreModule {}
