import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import type { CommandContext } from '../../../shared/application/command-context';
import { EventSourcing } from '../../../shared/application/event-sourcing.service';
import { CLOCK, type Clock } from '../../../shared/clock/clock';
import { messageOf } from '../../../shared/error-message';
import { RUN_SUBSCRIPTIONS } from '../../../shared/projections/subscriptions.service';
import { conversationDecider, conversationStream } from '../domain/conversation.decider';
import { ConversationsQueries } from '../read-models/conversations.queries';

const BATCH = 32;
/**
 * The longest the timer waits before it looks again: snoozes set on another node (EventStoreDB
 * deployments) reach this one's read model without a local nudge.
 */
const LONGEST_WAIT_MS = 60_000;
/** A due snooze the stream says is not due (the read model lags behind a new snooze) is looked at again this soon, not in a busy loop. */
const SHORTEST_WAIT_MS = 100;
/** After a failed wake-up, how soon to try again. */
const RETRY_MS = 5_000;

/**
 * Wakes snoozed conversations when their time comes. No timer held in memory decides anything: the
 * due snoozes are read from the read model at start and whenever the timer fires, and each wake-up
 * is a command the decider ignores when the conversation is no longer due, so a restart (with the
 * time passed while down), a repeat or a second node is harmless. The timer is set for the next due
 * time and set again after every snooze made here.
 */
@Injectable()
export class SnoozeWakeUps implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('SnoozeWakeUps');
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = true;
  private stopWatchingClock: () => void = () => undefined;

  constructor(
    private readonly eventSourcing: EventSourcing,
    private readonly queries: ConversationsQueries,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(RUN_SUBSCRIPTIONS) private readonly runs: boolean,
  ) {}

  onApplicationBootstrap(): void {
    // One-off commands (a rebuild, an audit) wake nothing.
    if (!this.runs) return;
    this.stopped = false;
    this.stopWatchingClock = this.clock.onJump(() => this.reschedule());
    this.reschedule();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    this.stopWatchingClock();
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  /** Wake what is due now and set the timer for the next one (a snooze was set or moved). */
  reschedule(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.run().finally(() => {
      this.running = null;
      if (this.again) {
        this.again = false;
        this.reschedule();
      }
    });
  }

  private async run(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    let failed = false;
    const due = this.queries.dueSnoozes(this.clock.now(), BATCH);
    for (const snooze of due) {
      if (this.stopped) return;
      failed = !(await this.wake(snooze)) || failed;
    }
    if (this.stopped) return;
    if (due.length === BATCH && !failed) {
      this.again = true;
      return;
    }
    const next = this.queries.nextSnoozeDue();
    const wait = failed ? RETRY_MS : next === null ? LONGEST_WAIT_MS : Math.min(Math.max(next.getTime() - this.clock.now().getTime(), SHORTEST_WAIT_MS), LONGEST_WAIT_MS);
    this.timer = setTimeout(() => this.reschedule(), wait);
    this.timer.unref();
  }

  private async wake({ conversationId, accountId }: { conversationId: string; accountId: string }): Promise<boolean> {
    const context: CommandContext = { actor: { system: 'snooze-wake-ups' }, accountId, correlationId: `wake-${conversationId}`, causationId: null };
    try {
      const outcome = await this.eventSourcing.decide(conversationStream(conversationId), conversationDecider, { type: 'WakeIfDue', conversationId, accountId, now: this.clock.now() }, context);
      // The read model must show it awake before the due list is read again.
      await this.eventSourcing.waitForReadModels(outcome.position);
      return true;
    } catch (error) {
      this.logger.error(`waking conversation ${conversationId}: ${messageOf(error)}`);
      return false;
    }
  }
}
