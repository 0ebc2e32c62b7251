import { Controller, Inject, Req, Sse, type MessageEvent } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { Observable } from 'rxjs';
import { Allow } from '../../../shared/http/access';
import { CurrentUser, SESSION_RESOLVER, type SessionResolver, type SignedInUser } from '../../../shared/http/signed-in-user';
import { liveTopic } from '../../../shared/live/live-log';
import { LIVE_MAX_PENDING, LiveStreams } from '../../../shared/live/live-streams';
import { ThreadPresence } from '../../../shared/presence/thread-presence';
import type { SessionEnded, UserDeactivated } from '../../accounts/contract';
import type { NoteAdded } from '../domain/internal-note';
import type { NotificationsRead } from '../domain/notifications.decider';

const INBOX_CHANGES = new Set([
  'ConversationStarted',
  'MessageReceived',
  'ConversationClosed',
  'ConversationReopened',
  'ConversationAssigned',
  'ConversationSnoozed',
  'ConversationWoke',
  'ReplyQueued',
  'ReplyDelivered',
  'ReplyDeliveryFailed',
  'ReplyRetryRequested',
  'ReplyUndone',
  'ChatMessageReceived',
  'ChatReplyPosted',
  'ChatVisitorIdentified',
  'NoteAdded',
  'ConversationTagsChanged',
  'TagRenamed',
  'TagDeleted',
]);

/**
 * What tells a user their notifications changed: a note that mentions them (by someone else), or
 * their own reading of notifications (in another tab). It is sent as `notification` instead of `inbox`.
 */
function notifies(event: { type: string; data: unknown }, userId: string): boolean {
  if (event.type === 'NotificationsRead') return (event.data as NotificationsRead['data']).userId === userId;
  if (event.type !== 'NoteAdded') return false;
  const note = event.data as NoteAdded['data'];
  return note.authorId !== userId && note.mentionedUserIds.includes(userId);
}

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
    private readonly presence: ThreadPresence,
  ) {}

  @Sse('stream', { maxPendingDataLength: LIVE_MAX_PENDING })
  @Allow('conversations.read')
  @ApiProduces('text/event-stream')
  @ApiOkResponse({
    description:
      'server-sent events: `ready`, then `inbox` with `{change, conversationId}` per change of the account, `notification` (same data) when the caller is mentioned or reads notifications, and `presence` with `{conversationId, users: [{userId, name, state}]}` (the others viewing or typing in a thread) whenever that changes',
    schema: { type: 'string' },
  })
  stream(@CurrentUser() user: SignedInUser, @Req() request: Request): Observable<MessageEvent> {
    return this.live.open(
      {
        owner: { user: user.userId, address: request.ip ?? 'unknown' },
        topics: [liveTopic.account(user.accountId), liveTopic.session(user.sessionId), liveTopic.user(user.userId)],
        pick: (event) => {
          if (event.type === 'SessionEnded' && (event.data as SessionEnded['data']).sessionId === user.sessionId) return 'end';
          if (event.type === 'UserDeactivated' && (event.data as UserDeactivated['data']).userId === user.userId) return 'end';
          if (event.metadata.accountId !== user.accountId) return null;
          if (notifies(event, user.userId)) {
            return { type: 'notification', data: { change: event.type, conversationId: (event.data as { conversationId?: string }).conversationId ?? null } };
          }
          // What a user has read matters to their own other tabs only.
          const seenByThisUser = event.type === 'ConversationSeen' && (event.data as { userId?: string }).userId === user.userId;
          if (!INBOX_CHANGES.has(event.type) && !seenByThisUser) return null;
          // The delivery of mail to one of our people (no conversation) changes no inbox.
          if (event.type.startsWith('ReplyDeliver') && !(event.data as { conversationId?: string }).conversationId) return null;
          return { type: 'inbox', data: { change: event.type, conversationId: (event.data as { conversationId?: string }).conversationId ?? null } };
        },
        // Who else views or types in a thread: not events of the log, and never the user themself.
        whileOpen: (send) =>
          this.presence.watch(user.accountId, ({ conversationId, users }) =>
            send({ type: 'presence', data: { conversationId, users: users.filter((present) => present.userId !== user.userId) } }),
          ),
        // Expiry has no event, and another node may have seen the logout first.
        stillValid: () => this.sessions.resolve(user.sessionId)?.userId === user.userId,
      },
      request.res as Response,
    );
  }
}
