import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiPropertyOptional, ApiQuery, ApiTags } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsOptional, IsString, MaxLength } from 'class-validator';
import type { CommandContext } from '../../../shared/application/command-context';
import { InvalidInput } from '../../../shared/domain/domain-error';
import { Allow } from '../../../shared/http/access';
import { CurrentUser, RequestContext, type SignedInUser } from '../../../shared/http/signed-in-user';
import { MarkNotificationsRead } from '../application/mark-notifications-read.command';
import { MAX_NOTIFICATIONS_MARKED } from '../domain/notifications.decider';
import { NotificationsQueries } from '../read-models/notifications.queries';
import { NotificationListAnswer, NotificationsReadAnswer } from './notes.answers';

class MarkReadDto {
  @ApiPropertyOptional({ type: [String], description: `the notifications to mark read (at most ${MAX_NOTIFICATIONS_MARKED}); all of the caller's when absent` })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1, { message: 'ids must name at least one notification (leave it out to mark all read)' })
  @ArrayMaxSize(MAX_NOTIFICATIONS_MARKED, { message: `ids must name at most ${MAX_NOTIFICATIONS_MARKED} notifications` })
  @IsString({ each: true })
  @MaxLength(100, { each: true, message: 'each id must be at most 100 characters' })
  ids?: string[];
}

/** The signed-in user's own notifications (mentions in notes), whatever their role. */
@ApiTags('notifications')
@Controller('notifications')
@Allow('notifications.read')
export class NotificationsController {
  constructor(
    private readonly queries: NotificationsQueries,
    private readonly commands: CommandBus,
  ) {}

  @Get()
  @ApiOkResponse({ type: NotificationListAnswer })
  @ApiQuery({ name: 'limit', required: false, type: 'integer', description: '1 to 100; 20 when absent' })
  list(@CurrentUser() user: SignedInUser, @Query('limit') limit?: string): NotificationListAnswer {
    const size = limit === undefined ? 20 : Number(limit);
    if (!Number.isInteger(size) || size < 1 || size > 100) throw new InvalidInput('limit', 'limit must be a whole number from 1 to 100');
    return { items: this.queries.list(user.accountId, user.userId, size), unread: this.queries.unreadCount(user.accountId, user.userId) };
  }

  @Post('read')
  @HttpCode(200)
  @ApiOkResponse({ type: NotificationsReadAnswer })
  read(@Body() body: MarkReadDto, @CurrentUser() user: SignedInUser, @RequestContext() context: CommandContext): Promise<NotificationsReadAnswer> {
    return this.commands.execute(new MarkNotificationsRead(body.ids ?? null, { ...context, accountId: user.accountId, userId: user.userId }));
  }
}
