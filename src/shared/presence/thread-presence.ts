import { SlidingWindow } from '../rate-limit/sliding-window';

/** What a user is doing in a thread: reading it, or writing a reply in its composer. */
export type PresenceState = 'viewing' | 'typing';

export interface PresentUser {
  userId: string;
  name: string;
  state: PresenceState;
}

/** Who is in one thread now, pushed whenever that changes (a heartbeat, a tab that left, one that lapsed). */
export interface PresenceChange {
  accountId: string;
  conversationId: string;
  users: PresentUser[];
}

export interface ThreadPresenceOptions {
  /** How long an entry lasts after its last heartbeat. */
  ttlMs: number;
  /** Heartbeats one user may send per minute, over all their tabs (a tab sends about 12, more while typing). */
  beatsPerMinute?: number;
  /** How often expired entries are looked for. */
  sweepMs?: number;
  now?: () => number;
}

interface Entry {
  name: string;
  state: PresenceState;
  expiresAt: number;
}

interface Thread {
  accountId: string;
  conversationId: string;
  users: Map<string, Entry>;
}

/**
 * Who views or types in which thread, in memory on this node: ephemeral, never events. Tabs
 * heartbeat while open; an entry nobody renews lapses after `ttlMs`, so a tab that died without
 * saying goodbye disappears within seconds. Every change goes to the account's watchers (the
 * live streams of its users).
 */
export class ThreadPresence {
  private readonly threads = new Map<string, Thread>();
  private readonly watchers = new Map<string, Set<(change: PresenceChange) => void>>();
  private readonly beats = new SlidingWindow(60_000);
  private readonly now: () => number;
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly options: ThreadPresenceOptions) {
    this.now = options.now ?? Date.now;
  }

  /** Seconds the user must wait before their next heartbeat is taken, or 0. */
  waitSeconds(userId: string): number {
    return this.beats.waitSeconds(userId, this.options.beatsPerMinute ?? 120, this.now());
  }

  /**
   * Records a heartbeat (or the tab's goodbye, `left`) and answers who is in the thread now,
   * the caller included. Callers check `waitSeconds` first.
   */
  beat(accountId: string, conversationId: string, user: { id: string; name: string }, state: PresenceState | 'left'): PresentUser[] {
    const now = this.now();
    this.beats.add(user.id, now);
    const key = `${accountId}:${conversationId}`;
    let thread = this.threads.get(key);
    let changed = this.expire(thread, now);
    if (state === 'left') {
      if (thread?.users.delete(user.id)) changed = true;
    } else {
      if (!thread) this.threads.set(key, (thread = { accountId, conversationId, users: new Map() }));
      const before = thread.users.get(user.id);
      if (!before || before.state !== state || before.name !== user.name) changed = true;
      thread.users.set(user.id, { name: user.name, state, expiresAt: now + this.options.ttlMs });
    }
    if (thread && thread.users.size === 0) this.threads.delete(key);
    if (changed && thread) this.publish(thread);
    this.keepSweeping();
    return thread ? usersOf(thread) : [];
  }

  /** Who is in the thread now. */
  who(accountId: string, conversationId: string): PresentUser[] {
    const thread = this.threads.get(`${accountId}:${conversationId}`);
    return thread ? this.live(thread) : [];
  }

  /** Calls `listener` with each change in the account's threads; returns how to stop. */
  watch(accountId: string, listener: (change: PresenceChange) => void): () => void {
    let set = this.watchers.get(accountId);
    if (!set) this.watchers.set(accountId, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.watchers.delete(accountId);
    };
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Looks for lapsed entries; a thread whose users changed is published. */
  sweep(): void {
    const now = this.now();
    for (const [key, thread] of this.threads) {
      if (!this.expire(thread, now)) continue;
      if (thread.users.size === 0) this.threads.delete(key);
      this.publish(thread);
    }
    if (this.threads.size === 0) this.stop();
  }

  private live(thread: Thread): PresentUser[] {
    const now = this.now();
    return usersOf(thread).filter((user) => (thread.users.get(user.userId)?.expiresAt ?? 0) > now);
  }

  private expire(thread: Thread | undefined, now: number): boolean {
    let changed = false;
    for (const [userId, entry] of thread?.users ?? []) {
      if (entry.expiresAt > now) continue;
      thread?.users.delete(userId);
      changed = true;
    }
    return changed;
  }

  private publish(thread: Thread): void {
    const change: PresenceChange = { accountId: thread.accountId, conversationId: thread.conversationId, users: usersOf(thread) };
    for (const listener of this.watchers.get(thread.accountId) ?? []) {
      try {
        listener(change);
      } catch {
        // A stream that cannot take the change closes on its own; the others still get it.
      }
    }
  }

  private keepSweeping(): void {
    if (this.timer || this.threads.size === 0) return;
    this.timer = setInterval(() => this.sweep(), this.options.sweepMs ?? 1000);
    this.timer.unref();
  }
}

function usersOf(thread: Thread): PresentUser[] {
  return [...thread.users].map(([userId, { name, state }]) => ({ userId, name, state })).sort((a, b) => a.name.localeCompare(b.name));
}
