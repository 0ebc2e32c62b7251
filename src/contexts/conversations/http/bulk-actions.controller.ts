import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsIn, IsISO8601, IsNotEmpty, IsOptional, IsString, MaxLength, ValidateIf } from 'class-validator';
import type { CommandContext } from '../../../shared/application/command-context';
import { Allow } from '../../../shared/http/access';
import { CurrentUser, RequestContext, type SignedInUser } from '../../../shared/http/signed-in-user';
import { BulkActOnConversations } from '../application/bulk-act-on-conversations.command';
import { BULK_ACTION_NAMES, MAX_BULK_IDS, type BulkActionName } from '../application/bulk-actions';
import { SNOOZE_PRESETS, type SnoozePreset } from '../domain/snooze-presets';
import { MAX_TAGS_PER_CONVERSATION } from '../domain/tag-name';
import { BulkAnswer } from './bulk-actions.answers';

class BulkDto {
  @ApiProperty({ type: [String], minItems: 1, maxItems: MAX_BULK_IDS, description: 'conversation ids, each once' })
  // The rule nearest the field is reported first: an array, then of ids, then of a size.
  @ArrayMinSize(1, { message: 'ids must name at least one conversation' })
  @ArrayMaxSize(MAX_BULK_IDS, { message: `ids must name at most ${MAX_BULK_IDS} conversations` })
  @ArrayUnique({ message: 'ids must not name a conversation twice' })
  @MaxLength(100, { each: true, message: 'each of ids must be at most 100 characters' })
  @IsNotEmpty({ each: true, message: 'each of ids must be a text id' })
  @IsString({ each: true, message: 'each of ids must be a text id' })
  @IsArray({ message: 'ids must be an array of conversation ids' })
  ids!: string[];

  @ApiProperty({ enum: BULK_ACTION_NAMES })
  @IsIn(BULK_ACTION_NAMES, { message: `action must be one of ${BULK_ACTION_NAMES.join(', ')}` })
  action!: BulkActionName;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'with action assign: a user of the account, or null to unassign' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  assigneeId?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, format: 'date-time', description: 'with action snooze: when they come back to Open, or null to unsnooze them' })
  @ValidateIf((dto: BulkDto) => dto.until !== undefined && dto.until !== null)
  @MaxLength(40, { message: 'until must be an ISO 8601 time' })
  @IsISO8601({ strict: true }, { message: 'until must be an ISO 8601 time, or null to unsnooze' })
  until?: string | null;

  @ApiPropertyOptional({ enum: SNOOZE_PRESETS, description: "with action snooze, instead of until: a preset of the snooze menu, in the account's time zone" })
  @IsOptional()
  @IsIn(SNOOZE_PRESETS, { message: `preset must be one of ${SNOOZE_PRESETS.join(', ')}` })
  preset?: SnoozePreset;

  @ApiPropertyOptional({ type: [String], maxItems: MAX_TAGS_PER_CONVERSATION, description: 'with action tag: names to add to each conversation (new names become tags of the account)' })
  @IsOptional()
  @ArrayMaxSize(MAX_TAGS_PER_CONVERSATION, { message: `tags must name at most ${MAX_TAGS_PER_CONVERSATION} tags` })
  @IsArray({ message: 'tags must be a list of tag names' })
  tags?: string[];
}

@ApiTags('conversations')
@Controller()
export class BulkActionsController {
  constructor(private readonly commands: CommandBus) {}

  /** Each id goes through the single action's command; one refusal never stops the others. */
  @Post('conversations/bulk')
  @Allow('conversations.manage')
  @HttpCode(200)
  @ApiOkResponse({ type: BulkAnswer })
  async bulk(@Body() body: BulkDto, @CurrentUser() user: SignedInUser, @RequestContext() context: CommandContext): Promise<BulkAnswer> {
    const { ids, action, ...input } = body;
    const results = await this.commands.execute(new BulkActOnConversations(ids, action, input, { ...context, accountId: user.accountId, userId: user.userId }));
    return { results };
  }
}
