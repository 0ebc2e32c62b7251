import { Controller, Inject, Req, Sse, type MessageEvent } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { Observable } from 'rxjs';
import { Allow } from '../../../shared/http/access';
import { CurrentUser, SESSION_RESOLVER, type SessionResolver, type SignedInUser } from '../../../shared/http/signed-in-user';
import { liveTopic } from '../../../shared/live/live-log';
import { LIVE_MAX_PENDING, LiveStreams } from '../../../shared/live/live-streams';
import type { SessionEnded, UserDeactivated } from '../../accounts/contract';

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
  'ConversationTagsChanged',
  'TagRenamed',
  'TagDeleted',
]);

/**
 * Server-sent events of the caller's account: one per inbox change, sent once the read models
 * show it, so a page that refetches on the event sees the change. The stream lasts as long as the
 * session: it closes when the session ends or the user is deactivated.
 */
@ApiTags('conversations')
@Controller()
export class InboxStreamController {
  constructor(
    private readonly live: LiveStreams,
    @Inject(SESSION_RESOLVER) private readonly sessions: SessionResolver,
  ) {}

  @Sse('stream', { maxPendingDataLength: LIVE_MAX_PENDING })
  @Allow('conversations.read')
  @ApiProduces('text/event-stream')
  @ApiOkResponse({ description: 'server-sent events: `ready`, then `inbox` with `{change, conversationId}` per change of the account', schema: { type: 'string' } })
  stream(@CurrentUser() user: SignedInUser, @Req() request: Request): Observable<MessageEvent> {
    return this.live.open(
      {
        owner: { user: user.userId, address: request.ip ?? 'unknown' },
        topics: [liveTopic.account(user.accountId), liveTopic.session(user.sessionId), liveTopic.user(user.userId)],
        pick: (event) => {
          if (event.type === 'SessionEnded' && (event.data as SessionEnded['data']).sessionId === user.sessionId) return 'end';
          if (event.type === 'UserDeactivated' && (event.data as UserDeactivated['data']).userId === user.userId) return 'end';
          if (event.metadata.accountId !== user.accountId) return null;
          // What a user has read matters to their own other tabs only.
          const seenByThisUser = event.type === 'ConversationSeen' && (event.data as { userId?: string }).userId === user.userId;
          if (!INBOX_CHANGES.has(event.type) && !seenByThisUser) return null;
          return { type: 'inbox', data: { change: event.type, conversationId: (event.data as { conversationId?: string }).conversationId ?? null } };
        },
        // Expiry has no event, and another node may have seen the logout first.
        stillValid: () => this.sessions.resolve(user.sessionId)?.userId === user.userId,
      },
      request.res as Response,
    );
  }
}
