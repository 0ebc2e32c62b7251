import { TooManyRequests } from '../domain/domain-error';

/**
 * Open live streams allowed at once. A person needs one per tab; each open stream holds a socket
 * and its share of every event, so a stranger with a chat token must not be able to open thousands.
 */
export interface StreamLimits {
  /** One chat visitor token (the widget in a few tabs). */
  perChatSession: number;
  /** One signed-in user, across their sessions (tabs on a few devices). */
  perUser: number;
  /** One client address, whoever it is (an office behind one NAT has several agents): STREAMS_PER_ADDRESS. */
  perAddress: number;
}

export const DEFAULT_STREAM_LIMITS: StreamLimits = { perChatSession: 3, perUser: 10, perAddress: 50 };

/** Whom a stream counts against: its client address, and the chat session or the user it is for. */
export interface StreamOwner {
  address: string;
  chatSession?: string;
  user?: string;
}

/** A closed stream frees its slot at once, so a client that closes one can open another soon. */
const RETRY_AFTER_SECONDS = 5;

interface Holder {
  key: string;
  limit: number;
  name: string;
}

export class TooManyStreams extends TooManyRequests {
  constructor(holder: Holder) {
    super(
      'STREAM.TOO_MANY',
      `Too many live streams are open for ${holder.name} (at most ${holder.limit} at once); close one and try again`,
      RETRY_AFTER_SECONDS,
    );
  }
}

/** Counts the open streams of each owner on this node; only admitted streams count. */
export class StreamCaps {
  private readonly open = new Map<string, number>();

  constructor(private readonly limits: StreamLimits = DEFAULT_STREAM_LIMITS) {}

  /** Admits one more stream for the owner, counted against each of its holders, or refuses it (TooManyStreams) and counts nothing; returns its release. */
  admit(owner: StreamOwner): () => void {
    const holders = this.holdersOf(owner);
    for (const holder of holders) if (this.count(holder) >= holder.limit) throw new TooManyStreams(holder);
    for (const holder of holders) this.open.set(holder.key, this.count(holder) + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      for (const holder of holders) {
        const remaining = this.count(holder) - 1;
        if (remaining > 0) this.open.set(holder.key, remaining);
        else this.open.delete(holder.key);
      }
    };
  }

  /** Streams open now for the owner's most specific holder (its chat session or user, else its address). */
  openFor(owner: StreamOwner): number {
    return this.count(this.holdersOf(owner)[0]);
  }

  private count(holder: Holder): number {
    return this.open.get(holder.key) ?? 0;
  }

  private holdersOf(owner: StreamOwner): Holder[] {
    const holders: Holder[] = [];
    if (owner.chatSession) holders.push({ key: `chat:${owner.chatSession}`, limit: this.limits.perChatSession, name: 'this chat session' });
    if (owner.user) holders.push({ key: `user:${owner.user}`, limit: this.limits.perUser, name: 'your user' });
    holders.push({ key: `address:${owner.address}`, limit: this.limits.perAddress, name: 'your address' });
    return holders;
  }
}
