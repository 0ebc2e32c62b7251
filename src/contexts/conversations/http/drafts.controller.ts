import { Body, Controller, Delete, HttpCode, Param, Post, Put } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional, IsString, Matches, MaxLength, ValidateIf } from 'class-validator';
import type { CommandContext } from '../../../shared/application/command-context';
import { Allow } from '../../../shared/http/access';
import { CurrentUser, RequestContext, type SignedInUser } from '../../../shared/http/signed-in-user';
import { SaveDraft } from '../application/save-draft.command';
import { UndoReply } from '../application/undo-reply.command';
import { DRAFT_MAX_LENGTH, DRAFT_SUBJECT_MAX_LENGTH } from '../domain/draft.decider';
import { SavedDraftAnswer, UndoneReplyAnswer } from './drafts.answers';

class DraftDto {
  @ApiProperty({ maxLength: DRAFT_MAX_LENGTH, description: 'what the user has written so far; empty throws the draft away' })
  @IsString()
  @MaxLength(DRAFT_MAX_LENGTH, { message: `text must be at most ${DRAFT_MAX_LENGTH} characters` })
  text!: string;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: DRAFT_SUBJECT_MAX_LENGTH, description: 'the subject as edited; null or absent keeps the prefilled one' })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsString()
  @MaxLength(DRAFT_SUBJECT_MAX_LENGTH, { message: `subject must be at most ${DRAFT_SUBJECT_MAX_LENGTH} characters (one header line)` })
  @Matches(/^[^\r\n]*$/, { message: 'subject must be one line (no line breaks)' })
  subject?: string | null;
}

/** The caller's own draft of a reply, and taking a reply back within the account's undo window. */
@ApiTags('conversations')
@Controller()
@Allow('conversations.reply')
export class DraftsController {
  constructor(private readonly commands: CommandBus) {}

  @Put('conversations/:id/draft')
  @HttpCode(200)
  @ApiOkResponse({ type: SavedDraftAnswer })
  async save(@Param('id') id: string, @Body() body: DraftDto, @CurrentUser() user: SignedInUser, @RequestContext() context: CommandContext): Promise<SavedDraftAnswer> {
    const draft = await this.commands.execute(new SaveDraft(id, { text: body.text, subject: body.subject ?? null }, { ...context, accountId: user.accountId, userId: user.userId }));
    return { draft };
  }

  @Delete('conversations/:id/draft')
  @HttpCode(200)
  @ApiOkResponse({ type: SavedDraftAnswer })
  async discard(@Param('id') id: string, @CurrentUser() user: SignedInUser, @RequestContext() context: CommandContext): Promise<SavedDraftAnswer> {
    const draft = await this.commands.execute(new SaveDraft(id, null, { ...context, accountId: user.accountId, userId: user.userId }));
    return { draft };
  }

  @Post('conversations/:id/messages/:messageId/undo')
  @HttpCode(200)
  @ApiOkResponse({ type: UndoneReplyAnswer, description: 'within the undo window, by the reply\'s author: the reply back for the composer; 409 after' })
  undo(@Param('id') id: string, @Param('messageId') messageId: string, @CurrentUser() user: SignedInUser, @RequestContext() context: CommandContext): Promise<UndoneReplyAnswer> {
    return this.commands.execute(new UndoReply(id, messageId, { ...context, accountId: user.accountId, userId: user.userId }));
  }
}
