import type { EventStore, EventSubscription, FromPosition, Position, RecordedEvent } from '../event-store/event-store.port';
import { positionToString } from '../event-store/event-store.port';
import { inBatches, yieldWhenBusy } from './in-batches';
import type { FeedMember, LogFeed } from './log-feed';
import type { SubscriptionStatus } from './subscription-status';
import { messageOf } from '../error-message';

export interface RunnerLogger {
  log(message: string): void;
  error(message: string): void;
}

export interface SubscriptionRunnerOptions {
  batchSize?: number;
  /** First and longest wait before a failed batch is tried again. */
  retryDelayMs?: { min: number; max: number };
  logger?: RunnerLogger;
  /** The shared reader of the log: once caught up with it, the runner takes its batches instead of reading on its own. */
  feed?: LogFeed;
}

/**
 * Follows the log from a checkpoint and hands batches to `process`. A failing batch is retried from
 * the last saved checkpoint with growing delays: nothing is skipped, and health shows the error.
 * With a feed, the runner reads on its own only until it has caught up with the feed, then the
 * feed hands it batches (see LogFeed); when the feed lets go of it, it reads on its own again.
 */
export abstract class SubscriptionRunner implements FeedMember {
  protected abstract readonly kind: SubscriptionStatus['kind'];
  private subscription: EventSubscription | null = null;
  private running: Promise<void> | null = null;
  private stopped = true;
  private state: SubscriptionStatus['state'] = 'stopped';
  private lastError: string | null = null;
  private retryTimer: NodeJS.Timeout | null = null;
  private failures = 0;
  protected readonly batchSize: number;
  protected position: FromPosition = 'start';
  private waiters: Array<{ position: Position; resolve(): void }> = [];
  /** Set by stop(): nothing more will be processed, so nobody may be left waiting for it. */
  private halted = false;
  /** True while the feed hands this runner its batches. */
  protected joined = false;

  constructor(
    protected readonly store: EventStore,
    readonly name: string,
    protected readonly options: SubscriptionRunnerOptions = {},
  ) {
    this.batchSize = options.batchSize ?? 1000;
  }

  /** Loads (or prepares) the checkpoint to start from. */
  protected abstract prepare(): FromPosition;
  /** Applies a batch and saves the checkpoint; returns false when the stored checkpoint moved under it. */
  protected abstract process(batch: RecordedEvent[]): Promise<boolean> | boolean;

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.halted = false;
    this.state = 'starting';
    this.running = this.run();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.halted = true;
    // Whoever waits for a position (a command's read-your-writes, the outbox) is let go at shutdown.
    for (const waiter of this.waiters) waiter.resolve();
    this.waiters = [];
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.leaveFeed();
    await this.subscription?.stop();
    await this.running;
    await this.settleJoined();
    this.state = 'stopped';
  }

  currentPosition(): FromPosition {
    return this.position;
  }

  dropped(error: unknown): void {
    this.joined = false;
    void this.settleJoined().then(() => (error === null ? this.restartSoon(0) : this.failed(error)));
  }

  /** What a runner leaving the feed finishes first (work it queued), before it reads on its own. */
  protected async settleJoined(): Promise<void> {}

  protected leaveFeed(): void {
    if (!this.joined) return;
    this.joined = false;
    this.options.feed?.leave(this);
  }

  /** A batch is applied and `position` moved past it. */
  protected succeeded(): void {
    this.failures = 0;
    this.lastError = null;
    this.state = 'live';
    this.releaseWaiters();
  }

  /** A batch failed: try again from the saved checkpoint, waiting longer each time. */
  protected failed(error: unknown): void {
    this.failures += 1;
    this.lastError = messageOf(error);
    this.state = 'retrying';
    this.options.logger?.error(`${this.kind} ${this.name} failed (attempt ${this.failures}): ${this.lastError}`);
    const { min, max } = this.options.retryDelayMs ?? { min: 200, max: 30_000 };
    this.restartSoon(Math.min(max, min * 2 ** (this.failures - 1)));
  }

  private tryJoin(): boolean {
    const feed = this.options.feed;
    if (!feed || this.stopped || !feed.join(this)) return false;
    this.joined = true;
    if (this.state === 'catching-up') this.state = 'live';
    return true;
  }

  async status(): Promise<SubscriptionStatus> {
    const head = await this.store.headPosition();
    const checkpoint = this.position === 'start' ? 0n : this.position;
    const behind = head === null ? 0n : head > checkpoint ? head - checkpoint : 0n;
    const state = this.state === 'live' || this.state === 'catching-up' ? (behind > 0n ? 'catching-up' : 'live') : this.state;
    return {
      name: this.name,
      kind: this.kind,
      state,
      checkpoint: positionToString(this.position),
      head: head === null ? null : head.toString(),
      caughtUp: behind === 0n,
      eventsBehind: this.store.positionsCountEvents ? Number(behind) : null,
      lastError: this.lastError,
    };
  }

  /** Resolves once this runner has processed the event at `position` (read-your-writes for HTTP commands). */
  reached(position: Position): Promise<void> {
    if (this.halted || (this.position !== 'start' && this.position >= position)) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ position, resolve }));
  }

  private releaseWaiters(): void {
    if (this.waiters.length === 0 || this.position === 'start') return;
    const current = this.position;
    const still: typeof this.waiters = [];
    for (const waiter of this.waiters) {
      if (waiter.position <= current) waiter.resolve();
      else still.push(waiter);
    }
    this.waiters = still;
  }

  private async run(): Promise<void> {
    let subscription: EventSubscription | null = null;
    try {
      this.position = this.prepare();
      this.state = 'catching-up';
      if (this.tryJoin()) return;
      subscription = this.store.subscribeToAll({ fromPosition: this.position });
      this.subscription = subscription;
      let busySince = performance.now();
      for await (const batch of inBatches(subscription, this.batchSize)) {
        if (this.stopped) break;
        busySince = await yieldWhenBusy(busySince);
        const applied = await this.process(batch);
        if (!applied) {
          // Someone else (a rebuild) moved the checkpoint: follow from where it now stands.
          this.restartSoon(0);
          return;
        }
        this.succeeded();
        if (this.tryJoin()) break;
      }
    } catch (error) {
      this.failed(error);
    } finally {
      await subscription?.stop();
      if (this.subscription === subscription) this.subscription = null;
    }
  }

  protected restartSoon(delayMs: number): void {
    if (this.stopped) return;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      if (!this.stopped) this.running = this.run();
    }, delayMs);
  }
}
