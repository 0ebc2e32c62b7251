import type { EventStore, EventSubscription, FromPosition, Position, RecordedEvent } from '../event-store/event-store.port';
import { positionToString } from '../event-store/event-store.port';
import { inBatches, yieldWhenBusy } from './in-batches';
import type { FeedMember, LogFeed } from './log-feed';
import type { SubscriptionStatus } from './subscription-status';
import { messageOf } from '../error-message';
import { mayBlameTheEvent } from './failure-cause';
import type { Failure } from './parked-events';

export interface RunnerLogger {
  log(message: string): void;
  error(message: string): void;
}

export interface SubscriptionRunnerOptions {
  batchSize?: number;
  /** First and longest wait before a failed batch is tried again; the wait doubles from one try to the next. */
  retryDelayMs?: { min: number; max: number };
  /** How many times one event is tried (the first try included) before it is parked. */
  attemptsBeforeParking?: number;
  logger?: RunnerLogger;
  /** The shared reader of the log: once caught up with it, the runner takes its batches instead of reading on its own. */
  feed?: LogFeed;
}

/** Five tries 0.2, 0.4, 0.8 and 1.6 s apart: a hiccup passes, a bad event is set aside within about 3 s. */
const DEFAULT_ATTEMPTS_BEFORE_PARKING = 5;

/**
 * Follows the log from a checkpoint and hands batches to `process`. A failing batch is retried from
 * the last saved checkpoint with growing delays. Once a batch has failed, the runner goes on in
 * single events until past it, so the events before the bad one are applied and only that one is
 * counted; after `attemptsBeforeParking` tries it is parked (a durable record, written with the
 * checkpoint that moves past it) and the next event goes on. Failures of the environment (a full
 * disk, an unreachable store) are never the event's fault: those are retried until they pass.
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
  /** Set after a batch failed: single events up to and including this position, to find the bad one. */
  private isolateThrough: Position | null = null;
  /** The event that failed on its own, and how often it has been tried. */
  private suspect: { position: Position; attempts: number; firstAttemptAt: Date } | null = null;
  /** The last failure could be the event's (it leads to parking), not the environment's. */
  private blamingEvent = false;
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
  /**
   * Records the event as parked and moves the checkpoint to it, in one transaction; false, with
   * nothing written, when the stored checkpoint moved under it.
   */
  protected abstract park(event: RecordedEvent, failure: Failure): boolean;
  /** How many of this runner's events are parked. */
  protected abstract parkedCount(): number;

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

  dropped(error: unknown, through?: Position): void {
    this.joined = false;
    if (error !== null && through !== undefined) this.isolate(error, through);
    void this.settleJoined().then(() => (error === null ? this.restartSoon(0) : this.failed(error)));
  }

  /** What a runner leaving the feed finishes first (work it queued), before it reads on its own. */
  protected async settleJoined(): Promise<void> {}

  protected leaveFeed(): void {
    if (!this.joined) return;
    this.joined = false;
    this.options.feed?.leave(this);
  }

  /**
   * A batch that ended at `through` failed with `error`: unless the environment is to blame, the
   * next tries go in single events up to there.
   */
  protected isolate(error: unknown, through: Position): void {
    if (!mayBlameTheEvent(error)) return;
    if (this.isolateThrough === null || through > this.isolateThrough) this.isolateThrough = through;
  }

  /** A batch is applied and `position` moved past it. */
  protected succeeded(): void {
    this.failures = 0;
    this.lastError = null;
    this.blamingEvent = false;
    if (this.suspect && this.position !== 'start' && this.position >= this.suspect.position) this.suspect = null;
    this.state = 'live';
    this.releaseWaiters();
  }

  /** A batch failed: try again from the saved checkpoint, waiting longer each time (`attempt`: the event's own count). */
  protected failed(error: unknown, attempt?: number): void {
    this.failures += 1;
    this.lastError = messageOf(error);
    this.blamingEvent = this.isolateThrough !== null || this.suspect !== null ? mayBlameTheEvent(error) : false;
    this.state = 'retrying';
    this.options.logger?.error(`${this.kind} ${this.name} failed (attempt ${attempt ?? this.failures}): ${this.lastError}`);
    const { min, max } = this.options.retryDelayMs ?? { min: 200, max: 30_000 };
    this.restartSoon(Math.min(max, min * 2 ** ((attempt ?? this.failures) - 1)));
  }

  /** `process` threw for `batch`: find the bad event, count its tries, and park it after the last. */
  private batchFailed(batch: RecordedEvent[], error: unknown): void {
    if (!mayBlameTheEvent(error)) return this.failed(error);
    if (batch.length > 1 || this.isolateThrough === null) this.isolate(error, batch[batch.length - 1].position);
    if (batch.length > 1) return this.failed(error, 1);
    const event = batch[0];
    const now = new Date();
    if (this.suspect?.position !== event.position) this.suspect = { position: event.position, attempts: 0, firstAttemptAt: now };
    this.suspect.attempts += 1;
    const attempts = this.options.attemptsBeforeParking ?? DEFAULT_ATTEMPTS_BEFORE_PARKING;
    if (this.suspect.attempts < attempts) return this.failed(error, this.suspect.attempts);
    this.parkEvent(event, { error: messageOf(error), attempts: this.suspect.attempts, firstAttemptAt: this.suspect.firstAttemptAt, lastAttemptAt: now });
  }

  private parkEvent(event: RecordedEvent, failure: Failure): void {
    let parked: boolean;
    try {
      parked = this.park(event, failure);
    } catch (error) {
      this.failed(error);
      return;
    }
    if (parked) {
      this.options.logger?.error(
        `${this.kind} ${this.name} parked ${event.type} at ${event.position} (${event.streamId}) after ${failure.attempts} attempts: ${failure.error}`,
      );
      this.position = event.position;
      this.succeeded();
      this.passedIsolation();
    }
    // Parked, or a rebuild moved the checkpoint: either way, on from where the checkpoint now stands.
    this.restartSoon(0);
  }

  /** Single events have passed the batch that failed: back to full batches (and the feed). */
  private passedIsolation(): boolean {
    if (this.isolateThrough === null || this.position === 'start' || this.position < this.isolateThrough) return false;
    this.isolateThrough = null;
    return true;
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
      failingOnEvent: this.state === 'retrying' && this.blamingEvent,
      parked: this.parkedCount(),
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
      const isolating = this.isolateThrough !== null;
      if (!isolating && this.tryJoin()) return;
      subscription = this.store.subscribeToAll({ fromPosition: this.position });
      this.subscription = subscription;
      let busySince = performance.now();
      for await (const batch of inBatches(subscription, isolating ? 1 : this.batchSize)) {
        if (this.stopped) break;
        busySince = await yieldWhenBusy(busySince);
        let applied: boolean;
        try {
          applied = await this.process(batch);
        } catch (error) {
          this.batchFailed(batch, error);
          return;
        }
        if (!applied) {
          // Someone else (a rebuild) moved the checkpoint: follow from where it now stands, and
          // forget the failure: the rebuild applies (or parks) those events itself.
          this.isolateThrough = null;
          this.suspect = null;
          this.restartSoon(0);
          return;
        }
        this.succeeded();
        if (isolating && this.passedIsolation()) {
          this.restartSoon(0);
          return;
        }
        if (!isolating && this.tryJoin()) break;
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
