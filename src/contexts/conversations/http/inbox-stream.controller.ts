import { Controller, Inject, Sse, type MessageEvent } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Observable } from 'rxjs';
import { EVENT_STORE, type EventStore } from '../../../shared/event-store/event-store.port';
import { ALL_ROLES, Allow } from '../../../shared/http/access';
import { CurrentUser, type SignedInUser } from '../../../shared/http/signed-in-user';
import { SubscriptionsService } from '../../../shared/projections/subscriptions.service';

const INBOX_CHANGES = new Set([
  'ConversationStarted',
  'MessageReceived',
  'ConversationClosed',
  'ConversationReopened',
  'ConversationAssigned',
  'ReplyQueued',
  'ReplyDelivered',
  'ReplyDeliveryFailed',
  'ReplyRetryRequested',
  'ChatMessageReceived',
  'ChatReplyPosted',
  'ChatVisitorIdentified',
]);

/**
 * Server-sent events of the caller's account: one per inbox change, sent once the read models
 * show it, so a page that refetches on the event sees the change.
 */
@ApiTags('conversations')
@Controller()
export class InboxStreamController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly subscriptions: SubscriptionsService,
  ) {}

  @Sse('stream')
  @Allow(ALL_ROLES)
  stream(@CurrentUser() user: SignedInUser): Observable<MessageEvent> {
    return new Observable<MessageEvent>((subscriber) => {
      let stop: (() => Promise<void>) | null = null;
      let closed = false;
      void (async () => {
        const subscription = this.store.subscribeToAll({ fromPosition: (await this.store.headPosition()) ?? 'start' });
        stop = () => subscription.stop();
        if (closed) return void subscription.stop();
        subscriber.next({ type: 'ready', data: {} });
        for await (const event of subscription) {
          if (event.metadata.accountId !== user.accountId || !INBOX_CHANGES.has(event.type)) continue;
          await this.subscriptions.waitForProjections(event.position);
          subscriber.next({ type: 'inbox', data: { change: event.type, conversationId: (event.data as { conversationId?: string }).conversationId ?? null } });
        }
      })().catch((error: unknown) => subscriber.error(error));
      return () => {
        closed = true;
        void stop?.();
      };
    });
  }
}
