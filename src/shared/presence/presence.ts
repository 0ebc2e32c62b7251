import { Global, Injectable, Module, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { ThreadPresence } from './thread-presence';

/**
 * Who is connected right now, by key (a chat visitor's conversation). Who views or types in a thread: ThreadPresence.
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
@Module({
  providers: [
    Presence,
    {
      provide: ThreadPresence,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => new ThreadPresence({ ttlMs: config.presenceTtlSeconds * 1000 }),
    },
  ],
  exports: [Presence, ThreadPresence],
})
export class PresenceModule implements OnApplicationShutdown {
  constructor(private readonly threads: ThreadPresence) {}

  onApplicationShutdown(): void {
    this.threads.stop();
  }
}

export const chatVisitorPresence = (conversationId: string) => `chat-visitor:${conversationId}`;
