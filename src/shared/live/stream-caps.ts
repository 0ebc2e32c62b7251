import { TooManyRequests } from '../domain/domain-error';

/**
 * Open live streams allowed at once. A person needs one per tab; each open stream holds a socket
 * and its share of every event, so a stranger with a chat token must not be able to open thousands.
 */
export const STREAM_LIMITS = {
  /** One chat visitor token (the widget in a few tabs). */
  perChatSession: 3,
  /** One signed-in user, across their sessions (tabs on a few devices). */
  perUser: 10,
  /** One client address, whoever it is (an office behind one NAT has several agents). */
  perIp: 50,
};

/** A closed stream frees its slot at once, so a client that closes one can open another soon. */
const RETRY_AFTER_SECONDS = 5;

/** Who a stream counts against: a key, its limit, and how the refusal names it. */
export interface StreamHolder {
  key: string;
  limit: number;
  name: string;
}

export const streamHolder = {
  chatSession: (conversationId: string): StreamHolder => ({ key: `chat:${conversationId}`, limit: STREAM_LIMITS.perChatSession, name: 'this chat session' }),
  user: (userId: string): StreamHolder => ({ key: `user:${userId}`, limit: STREAM_LIMITS.perUser, name: 'your user' }),
  ip: (ip: string): StreamHolder => ({ key: `ip:${ip}`, limit: STREAM_LIMITS.perIp, name: 'your address' }),
};

export class TooManyStreams extends TooManyRequests {
  constructor(holder: StreamHolder) {
    super(
      'STREAM.TOO_MANY',
      `Too many live streams are open for ${holder.name} (at most ${holder.limit} at once); close one and try again`,
      RETRY_AFTER_SECONDS,
    );
  }
}

/** Counts the open streams of each holder on this node; only admitted streams count. */
export class StreamCaps {
  private readonly open = new Map<string, number>();

  /** Admits one more stream for every holder, or for none (throws TooManyStreams); returns its release. */
  admit(holders: readonly StreamHolder[]): () => void {
    for (const holder of holders) if ((this.open.get(holder.key) ?? 0) >= holder.limit) throw new TooManyStreams(holder);
    for (const holder of holders) this.open.set(holder.key, (this.open.get(holder.key) ?? 0) + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      for (const holder of holders) {
        const remaining = (this.open.get(holder.key) ?? 1) - 1;
        if (remaining > 0) this.open.set(holder.key, remaining);
        else this.open.delete(holder.key);
      }
    };
  }

  openFor(holder: StreamHolder): number {
    return this.open.get(holder.key) ?? 0;
  }
}
