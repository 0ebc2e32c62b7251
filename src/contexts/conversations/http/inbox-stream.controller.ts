import { Controller, Inject, Sse, type MessageEvent } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Observable } from 'rxjs';
import { EVENT_STORE, type EventStore } from '../../../shared/event-store/event-store.port';
import { ALL_ROLES, Allow } from '../../../shared/http/access';
import { followLog } from '../../../shared/http/log-stream';
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
    return followLog(this.store, this.subscriptions, (event) => {
      if (event.metadata.accountId !== user.accountId) return null;
      // What a user has read matters to their own other tabs only.
      const seenByThisUser = event.type === 'ConversationSeen' && (event.data as { userId?: string }).userId === user.userId;
      if (!INBOX_CHANGES.has(event.type) && !seenByThisUser) return null;
      return { type: 'inbox', data: { change: event.type, conversationId: (event.data as { conversationId?: string }).conversationId ?? null } };
    });
  }
}
