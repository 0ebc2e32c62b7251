import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, MaxLength, ValidateIf } from 'class-validator';
import type { CommandContext } from '../../../shared/application/command-context';
import { InvalidInput, NotFound } from '../../../shared/domain/domain-error';
import { Allow } from '../../../shared/http/access';
import { CurrentUser, RequestContext, type SignedInUser } from '../../../shared/http/signed-in-user';
import { SnoozeConversation } from '../application/snooze-conversation.command';
import { SNOOZE_PRESETS, type SnoozePreset } from '../domain/snooze-presets';
import { ConversationsQueries } from '../read-models/conversations.queries';
import { ConversationSummaryAnswer } from './conversations.answers';

class SnoozeDto {
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    format: 'date-time',
    description: 'when it comes back to Open (in the future, at most a year away); null unsnoozes it now',
  })
  @ValidateIf((dto: SnoozeDto) => dto.preset === undefined && dto.until !== null)
  @MaxLength(40, { message: 'until must be an ISO 8601 time' })
  @IsISO8601({ strict: true }, { message: 'until must be an ISO 8601 time, or null to unsnooze' })
  until?: string | null;

  @ApiPropertyOptional({ enum: SNOOZE_PRESETS, description: "instead of until: a preset of the snooze menu, in the account's time zone" })
  @IsOptional()
  @IsIn(SNOOZE_PRESETS, { message: `preset must be one of ${SNOOZE_PRESETS.join(', ')}` })
  preset?: SnoozePreset;
}

@ApiTags('conversations')
@Controller()
export class SnoozeController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: ConversationsQueries,
  ) {}

  /** Out of Open until a time (or a preset), or back now with `{until: null}`. */
  @Post('conversations/:id/snooze')
  @Allow('conversations.manage')
  @HttpCode(200)
  @ApiOkResponse({ type: ConversationSummaryAnswer })
  async snooze(@Param('id') id: string, @Body() body: SnoozeDto, @CurrentUser() user: SignedInUser, @RequestContext() context: CommandContext): Promise<ConversationSummaryAnswer> {
    if (body.preset !== undefined && body.until !== undefined) throw new InvalidInput('until', 'give until or preset, not both');
    const snooze = body.preset !== undefined ? { preset: body.preset } : { until: body.until ? new Date(body.until) : null };
    await this.commands.execute(new SnoozeConversation(id, snooze, { ...context, accountId: user.accountId, userId: user.userId }));
    const conversation = this.queries.conversation(user.accountId, id);
    if (!conversation) throw new NotFound('Conversation');
    const { participants: _participants, linkedConversationIds: _linked, linkReason: _linkReason, startedAt: _startedAt, ...summary } = conversation;
    return summary;
  }
}
