import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { EVENT_STORE, type EventStore, type Position } from '../event-store/event-store.port';
import { READ_MODEL_DB, READ_MODEL_FILE } from '../event-store/event-store.module';
import type { SqliteDatabase } from '../sqlite/open-sqlite';
import { LogFeed } from './log-feed';
import { ParkedEventStore, type ParkedEvent } from './parked-events';
import { ParkedEventRetry, type RetryOutcome } from './parked-event-retry';
import type { ProcessManager, Projection } from './projection';
import { ProcessManagerRunner } from './process-manager.runner';
import { ProjectionHost } from './projection-host';
import { ProjectionRunner } from './projection.runner';
import { RegisterProcessManager } from './subscription.decorators';
import type { SubscriptionStatus } from './subscription-status';
import type { SubscriptionRunner } from './subscription.runner';

export const RUN_SUBSCRIPTIONS = Symbol('RUN_SUBSCRIPTIONS');
/** The file of the projection thread's entry (see ProjectionHost); null applies the live feed on this thread. */
export const PROJECTION_HOST_WORKER = Symbol('PROJECTION_HOST_WORKER');
/** The read models to run: the app's instances of the listed classes. */
export const PROJECTIONS = Symbol('PROJECTIONS');

/**
 * Under sustained appends the feed delivers about once per this many ms, so a batch carries what
 * arrived meanwhile: one projection transaction and one process-manager batch (whose appends share
 * a commit) for many mails. On the ingest bench 20 ms instead of 4 took the CPU per mail from 1.39
 * to 1.17 ms. A command after a quiet spell is not delayed; under load, read-your-writes waits at
 * most this much longer.
 */
const FEED_PAUSE_MS = 20;

/** Runs the listed projections and every registered process manager, and keeps them following the log. */
@Injectable()
export class SubscriptionsService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Subscriptions');
  private projections: ProjectionRunner[] = [];
  private processManagers: ProcessManagerRunner[] = [];
  private feed: LogFeed | null = null;
  private host: ProjectionHost | null = null;
  private parkedEvents: ParkedEventStore | null = null;

  constructor(
    private readonly discovery: DiscoveryService,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODEL_DB) private readonly db: SqliteDatabase,
    @Inject(RUN_SUBSCRIPTIONS) private readonly runSubscriptions: boolean,
    @Inject(PROJECTION_HOST_WORKER) private readonly hostWorker: string | null,
    @Inject(READ_MODEL_FILE) private readonly readModelFile: string,
    @Inject(PROJECTIONS) private readonly listedProjections: readonly Projection[],
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const projections = this.listedProjections;
    if (this.runSubscriptions && this.hostWorker) {
      this.host = new ProjectionHost(this.hostWorker, { file: this.readModelFile, projections: projections.map((projection) => projection.name) });
    }
    // One reader of the log for every runner that has caught up (see LogFeed).
    this.feed = this.runSubscriptions
      ? new LogFeed(this.store, this.db, { logger: this.logger, pauseMs: FEED_PAUSE_MS, applier: this.host ?? undefined })
      : null;
    const options = { logger: this.logger, feed: this.feed ?? undefined };
    this.projections = projections.map((projection) => new ProjectionRunner(this.store, this.db, projection, options));
    this.processManagers = this.instancesOf<ProcessManager>(RegisterProcessManager.KEY).map(
      (manager) => new ProcessManagerRunner(this.store, this.db, manager, options),
    );
    if (!this.feed) return;
    await this.host?.start();
    await this.feed.start();
    for (const runner of this.all()) runner.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await Promise.all(this.all().map((runner) => runner.stop()));
    await this.feed?.stop();
    await this.host?.close();
  }

  /**
   * Waits until every projection has applied the event at `position`, so the answer to a command
   * and the next read agree. Gives up after `timeoutMs`: the write stands, the read may lag.
   */
  async waitForProjections(position: Position | null, timeoutMs = 5000): Promise<void> {
    if (position === null || !this.runSubscriptions) return;
    await withTimeout(Promise.all(this.projections.map((runner) => runner.reached(position))), timeoutMs);
  }

  /**
   * Like waitForProjections, but first lets the process managers react to `position`, and then the
   * projections show what they wrote too: for commands whose visible effect comes from a reaction.
   */
  async settle(position: Position | null, timeoutMs = 5000): Promise<void> {
    if (position === null || !this.runSubscriptions) return;
    const deadline = Date.now() + timeoutMs;
    await withTimeout(Promise.all(this.processManagers.map((runner) => runner.reached(position))), timeoutMs);
    const head = await this.store.headPosition();
    await this.waitForProjections(head ?? position, Math.max(0, deadline - Date.now()));
  }

  statuses(): Promise<SubscriptionStatus[]> {
    return Promise.all(this.all().map((runner) => runner.status()));
  }

  /** Drops every read model and replays the log into it; returns the events applied per projection. */
  async rebuildProjections(): Promise<Array<{ name: string; events: number; seconds: number }>> {
    const results = [];
    for (const runner of this.projections) {
      const started = process.hrtime.bigint();
      const events = await runner.rebuild();
      results.push({ name: runner.name, events, seconds: Number(process.hrtime.bigint() - started) / 1e9 });
    }
    return results;
  }

  /** Every parked event, oldest first. */
  parked(): ParkedEvent[] {
    return this.parkedStore().list();
  }

  /** The parked events about inbound mail of one account. */
  parkedOfAccountMail(accountId: string): ParkedEvent[] {
    return this.parkedStore().ofAccountMail(accountId);
  }

  /** Applies a parked event again and forgets it when that succeeds (see ParkedEventRetry). */
  retryParked(id: number): Promise<RetryOutcome> {
    return new ParkedEventRetry(this.store, this.parkedStore(), [...this.projections, ...this.processManagers]).retry(id);
  }

  private parkedStore(): ParkedEventStore {
    this.parkedEvents ??= new ParkedEventStore(this.db);
    return this.parkedEvents;
  }

  private all(): SubscriptionRunner[] {
    return [...this.projections, ...this.processManagers];
  }

  private instancesOf<T>(key: string): T[] {
    return this.discovery
      .getProviders({ metadataKey: key })
      .map((wrapper) => wrapper.instance as T)
      .filter((instance): instance is T => Boolean(instance));
  }
}

async function withTimeout(work: Promise<unknown>, timeoutMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, timeoutMs);
  });
  await Promise.race([work, timeout]);
  clearTimeout(timer);
}
