import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { NotFound, TooManyRequests } from '../../../shared/domain/domain-error';
import { ErrorBody } from '../../../shared/http/error-body';
import { Allow } from '../../../shared/http/access';
import { CurrentUser, type SignedInUser } from '../../../shared/http/signed-in-user';
import { ThreadPresence } from '../../../shared/presence/thread-presence';
import { ConversationsQueries } from '../read-models/conversations.queries';
import { PresenceAnswer } from './collision.answers';

class PresenceDto {
  @ApiProperty({ enum: ['viewing', 'typing', 'left'], description: '`left` when the tab closes' })
  @IsIn(['viewing', 'typing', 'left'], { message: 'state must be viewing, typing or left' })
  state!: 'viewing' | 'typing' | 'left';
}

export class TooManyHeartbeats extends TooManyRequests {
  constructor(retryAfterSeconds: number) {
    super('PRESENCE.TOO_MANY_HEARTBEATS', 'Too many presence heartbeats; slow down', retryAfterSeconds);
  }
}

/**
 * A tab's heartbeat in a thread: its user is viewing it or typing a reply. Kept in memory, pushed
 * to the account's live streams; only those who may reply heartbeat (an auditor reads unseen).
 */
@ApiTags('conversations')
@Controller()
export class PresenceController {
  constructor(
    private readonly queries: ConversationsQueries,
    private readonly presence: ThreadPresence,
  ) {}

  @Post('conversations/:id/presence')
  @Allow('conversations.reply')
  @HttpCode(200)
  @ApiOkResponse({ type: PresenceAnswer })
  @ApiTooManyRequestsResponse({ type: ErrorBody, description: 'more heartbeats than a few tabs send' })
  heartbeat(@Param('id') id: string, @Body() body: PresenceDto, @CurrentUser() user: SignedInUser): PresenceAnswer {
    const wait = this.presence.waitSeconds(user.userId);
    if (wait > 0) throw new TooManyHeartbeats(wait);
    if (!this.queries.conversation(user.accountId, id)) throw new NotFound('Conversation');
    const users = this.presence.beat(user.accountId, id, { id: user.userId, name: user.name }, body.state);
    return { users: users.filter((present) => present.userId !== user.userId) };
  }
}
