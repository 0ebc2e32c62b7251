import { Global, Injectable, Module } from '@nestjs/common';

/**
 * Who is connected right now, by key (a chat visitor's conversation, later who views a thread).
 * In memory on this node: a visitor's live stream is held by the node that serves it.
 */
@Injectable()
export class Presence {
  private readonly connections = new Map<string, number>();

  /** Marks one connection for `key`; call the returned function when it ends. */
  join(key: string): () => void {
    this.connections.set(key, (this.connections.get(key) ?? 0) + 1);
    let left = false;
    return () => {
      if (left) return;
      left = true;
      const remaining = (this.connections.get(key) ?? 1) - 1;
      if (remaining > 0) this.connections.set(key, remaining);
      else this.connections.delete(key);
    };
  }

  isPresent(key: string): boolean {
    return this.connections.has(key);
  }
}

@Global()
@Module({ providers: [Presence], exports: [Presence] })
export class PresenceModule {}

export const chatVisitorPresence = (conversationId: string) => `chat-visitor:${conversationId}`;
