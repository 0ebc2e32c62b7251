import { Global, Inject, Logger, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { join } from 'node:path';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import type { SqliteDatabase } from '../sqlite/open-sqlite';
import { openReadModelDb } from '../projections/read-model-db';
import { carryCheckpointsOver } from '../projections/carry-checkpoints-over';
import { EVENT_STORE, type EventStore } from './event-store.port';
import { EventStoreDbEventStore } from './esdb.event-store';
import { SqliteEventStore } from './sqlite.event-store';
import { BLOB_STORE, BlobStore } from '../blobs/blob-store';
import { loadServerSecret, SERVER_SECRET } from '../config/server-secret';
import { EventContracts } from './event-contracts';
import type { SpaceReport } from '../storage/storage-full';
import { StorageStatus } from '../storage/storage-status';

/** The app's registry of event types: schemas checked before appends, upcasters applied on reads. */
export const EVENT_CONTRACTS = Symbol('EVENT_CONTRACTS');

/** The read models' SQLite database (projections, checkpoints, lookups). */
export const READ_MODEL_DB = Symbol('READ_MODEL_DB');
/** Its file, for the threads that open connections of their own. */
export const READ_MODEL_FILE = Symbol('READ_MODEL_FILE');

/**
 * Events, read models and mail bytes each get a file of their own. Mail bytes are large, and the
 * event log stays small to replay. The read models are apart from the log (even beside the
 * embedded store, unlike the first design) because a SQLite file has one write lock: a projection
 * batch holding it kept every append, and so every SMTP 250, waiting behind it.
 */
export function databaseFiles(config: AppConfig): { events: string | null; readModels: string; blobs: string } {
  const blobs = join(config.dataDir, 'blobs.db');
  const readModels = join(config.dataDir, 'read-models.db');
  return { events: config.eventStoreUrl ? null : join(config.dataDir, 'inbox.db'), readModels, blobs };
}

/** The configured store; whatever it reads comes out in the shapes `contracts` holds current. */
export function openEventStore(config: AppConfig, contracts: EventContracts, space?: SpaceReport): EventStore {
  const files = databaseFiles(config);
  const upcast = contracts.upcast.bind(contracts);
  return config.eventStoreUrl
    ? EventStoreDbEventStore.fromConnectionString(config.eventStoreUrl, upcast)
    : new SqliteEventStore(files.events as string, { upcast, space });
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

const storage = [
  StorageStatus,
  { provide: EVENT_STORE, inject: [APP_CONFIG, EVENT_CONTRACTS, StorageStatus], useFactory: openEventStore },
  {
    provide: READ_MODEL_DB,
    inject: [APP_CONFIG],
    useFactory: (config: AppConfig) => {
      const files = databaseFiles(config);
      if (files.events) carryCheckpointsOver(files.events, files.readModels);
      return openReadModelDb(files.readModels);
    },
  },
  { provide: READ_MODEL_FILE, inject: [APP_CONFIG], useFactory: (config: AppConfig) => databaseFiles(config).readModels },
  {
    provide: BLOB_STORE,
    inject: [APP_CONFIG, StorageStatus],
    useFactory: (config: AppConfig, space: StorageStatus) => new BlobStore(databaseFiles(config).blobs, space),
  },
  { provide: SERVER_SECRET, inject: [APP_CONFIG], useFactory: loadServerSecret },
  StorageLifecycle,
];
const exported = [EVENT_STORE, READ_MODEL_DB, READ_MODEL_FILE, BLOB_STORE, SERVER_SECRET, StorageStatus];

@Global()
@Module({})
export class EventStoreModule {
  /** `contracts`: the app's registry, assembled from every context (src/event-contracts.ts). */
  static forRoot(contracts: EventContracts): DynamicModule {
    return {
      module: EventStoreModule,
      global: true,
      providers: [{ provide: EVENT_CONTRACTS, useValue: contracts }, ...storage],
      exports: [EVENT_CONTRACTS, ...exported],
    };
  }
}
