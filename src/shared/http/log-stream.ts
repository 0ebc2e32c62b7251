import type { MessageEvent } from '@nestjs/common';
import { Observable } from 'rxjs';
import type { EventStore, RecordedEvent } from '../event-store/event-store.port';
import type { SubscriptionsService } from '../projections/subscriptions.service';

/**
 * Server-sent events of the log from now on: each event `pick` turns into a message is sent once the
 * read models show it, so a page that refetches on it sees the change. Opens with a `ready` event.
 * `whileOpen` runs when a client connects and returns what to do when it goes.
 */
export function followLog(
  store: EventStore,
  subscriptions: SubscriptionsService,
  pick: (event: RecordedEvent) => MessageEvent | null,
  whileOpen: () => () => void = () => () => undefined,
): Observable<MessageEvent> {
  return new Observable<MessageEvent>((subscriber) => {
    const onClose = whileOpen();
    let stop: (() => Promise<void>) | null = null;
    let closed = false;
    void (async () => {
      const subscription = store.subscribeToAll({ fromPosition: (await store.headPosition()) ?? 'start' });
      stop = () => subscription.stop();
      if (closed) return void subscription.stop();
      subscriber.next({ type: 'ready', data: {} });
      for await (const event of subscription) {
        const message = pick(event);
        if (!message) continue;
        await subscriptions.waitForProjections(event.position);
        subscriber.next(message);
      }
    })().catch((error: unknown) => subscriber.error(error));
    return () => {
      closed = true;
      onClose();
      void stop?.();
    };
  });
}
