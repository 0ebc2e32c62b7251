import type { MessageEvent } from '@nestjs/common';
import type { EventStore, EventSubscription, Position, RecordedEvent } from '../event-store/event-store.port';
import { messageOf } from '../error-message';

/** What a live stream makes of an event: a message for its client, `end` to close it, or nothing. */
export type LiveOutcome = MessageEvent | 'end' | null;

/** One open live stream (a browser tab's inbox, a chat visitor's widget) as the shared reader sees it. */
export interface LiveListener {
  /** The ids it follows (see `liveTopic`): only events that carry one of them are shown to `pick`. */
  readonly topics: readonly string[];
  pick(event: RecordedEvent): LiveOutcome;
  send(message: MessageEvent): void;
  /** Closes the stream; its client may reconnect, and is then admitted or refused afresh. */
  end(): void;
  /** Asked from time to time: false ends the stream (a session that expired, a chat switched off). */
  stillValid?(): boolean;
}

/**
 * The ids an event can be routed by. A listener names the ones it follows, so an event costs a
 * lookup per id it carries, not a look at every open stream.
 */
export const liveTopic = {
  account: (accountId: string) => `account:${accountId}`,
  stream: (streamId: string) => `stream:${streamId}`,
  conversation: (conversationId: string) => `conversationId:${conversationId}`,
  session: (sessionId: string) => `sessionId:${sessionId}`,
  user: (userId: string) => `userId:${userId}`,
};

/** The ids in an event's data it is routed by, each with the topic a listener names for it. */
const ROUTED_FIELDS = { conversationId: liveTopic.conversation, sessionId: liveTopic.session, userId: liveTopic.user } as const;

export function topicsOf(event: RecordedEvent): string[] {
  const topics = [liveTopic.stream(event.streamId)];
  if (event.metadata.accountId) topics.push(liveTopic.account(event.metadata.accountId));
  const data = (event.data ?? {}) as Record<string, unknown>;
  for (const [field, topic] of Object.entries(ROUTED_FIELDS)) {
    const value = data[field];
    if (typeof value === 'string') topics.push(topic(value));
  }
  return topics;
}

export interface LiveLogOptions {
  /** How often every listener's `stillValid` is asked (a session's expiry has no event). */
  sweepMs?: number;
  logger?: { error(message: string): void };
}

/**
 * One reader of the log for every live stream of this process. A reader per stream meant a log
 * read, a wait for the read models and a timer per stream for each event: thousands of streams on
 * one chat token stalled the server. Here the log is followed once, from its head when the first
 * stream opens, and each event goes to the streams that follow one of its ids, once the read models
 * show it (a page that refetches on it sees the change).
 */
export class LiveLog {
  private readonly listeners = new Set<LiveListener>();
  private readonly byTopic = new Map<string, Set<LiveListener>>();
  private following: Promise<void> | null = null;
  private subscription: EventSubscription | null = null;
  private sweepTimer: NodeJS.Timeout | null = null;
  private stopped = false;
  private opened = 0;

  constructor(
    private readonly store: EventStore,
    /** Resolves once the read models show the event at `position` (or gives up). */
    private readonly shown: (position: Position) => Promise<void>,
    private readonly options: LiveLogOptions = {},
  ) {}

  /**
   * Adds the listener at once (so nothing it follows slips by while the reader starts); `ready`
   * resolves once the log is followed, and rejects when it cannot be read.
   */
  join(listener: LiveListener): { ready: Promise<void>; leave(): void } {
    if (this.stopped) return { ready: Promise.reject(new Error('The server is shutting down')), leave: () => undefined };
    this.listeners.add(listener);
    for (const topic of listener.topics) {
      let set = this.byTopic.get(topic);
      if (!set) this.byTopic.set(topic, (set = new Set()));
      set.add(listener);
    }
    return { ready: this.follow(), leave: () => this.leave(listener) };
  }

  /** Open streams now. */
  size(): number {
    return this.listeners.size;
  }

  /** Reads of the log this process has opened for its live streams: one while it keeps running. */
  readsOpened(): number {
    return this.opened;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.sweepTimer) clearInterval(this.sweepTimer);
    this.sweepTimer = null;
    this.endAll();
    await this.subscription?.stop();
  }

  private leave(listener: LiveListener): void {
    if (!this.listeners.delete(listener)) return;
    for (const topic of listener.topics) {
      const set = this.byTopic.get(topic);
      set?.delete(listener);
      if (set?.size === 0) this.byTopic.delete(topic);
    }
  }

  private follow(): Promise<void> {
    if (this.following) return this.following;
    let live!: () => void;
    let failed!: (error: unknown) => void;
    const following = new Promise<void>((resolve, reject) => {
      live = resolve;
      failed = reject;
    });
    this.following = following;
    void (async () => {
      const head = await this.store.headPosition();
      const subscription = this.store.subscribeToAll({ fromPosition: head ?? 'start' });
      this.opened += 1;
      this.subscription = subscription;
      if (this.stopped) return void subscription.stop();
      this.startSweeping();
      live();
      for await (const event of subscription) await this.dispatch(event);
      if (!this.stopped) throw new Error('the subscription ended');
    })().catch((error: unknown) => {
      // Streams end and their clients reconnect: the next one to open starts a new reader.
      this.options.logger?.error(`live streams lost the log: ${messageOf(error)}`);
      failed(error);
      if (this.following === following) this.following = null;
      this.subscription = null;
      this.endAll();
    });
    following.catch(() => undefined);
    return following;
  }

  private async dispatch(event: RecordedEvent): Promise<void> {
    const reached = new Set<LiveListener>();
    for (const topic of topicsOf(event)) for (const listener of this.byTopic.get(topic) ?? []) reached.add(listener);
    if (reached.size === 0) return;
    const sends: Array<[LiveListener, MessageEvent]> = [];
    for (const listener of reached) {
      let outcome: LiveOutcome;
      try {
        outcome = listener.pick(event);
      } catch (error) {
        this.options.logger?.error(`a live stream could not read ${event.type}: ${messageOf(error)}`);
        outcome = 'end';
      }
      // An ending takes effect at once: nothing the client could see comes after it.
      if (outcome === 'end') this.endListener(listener);
      else if (outcome) sends.push([listener, outcome]);
    }
    if (sends.length === 0) return;
    await this.shown(event.position);
    for (const [listener, message] of sends) if (this.listeners.has(listener)) listener.send(message);
  }

  private startSweeping(): void {
    if (this.sweepTimer || !this.options.sweepMs) return;
    this.sweepTimer = setInterval(() => {
      for (const listener of [...this.listeners]) {
        let valid: boolean;
        try {
          valid = listener.stillValid?.() ?? true;
        } catch {
          valid = false;
        }
        if (!valid) this.endListener(listener);
      }
    }, this.options.sweepMs);
    this.sweepTimer.unref();
  }

  private endListener(listener: LiveListener): void {
    this.leave(listener);
    try {
      listener.end();
    } catch (error) {
      this.options.logger?.error(`a live stream did not close: ${messageOf(error)}`);
    }
  }

  private endAll(): void {
    for (const listener of [...this.listeners]) this.endListener(listener);
  }
}
