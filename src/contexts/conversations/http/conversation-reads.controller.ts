import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiNoContentResponse, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsISO8601, IsOptional } from 'class-validator';
import type { CommandContext } from '../../../shared/application/command-context';
import { Allow } from '../../../shared/http/access';
import { CurrentUser, RequestContext, type SignedInUser } from '../../../shared/http/signed-in-user';
import { SeeConversation } from '../application/see-conversation.command';

class SeenDto {
  @ApiPropertyOptional({ description: 'the newest activity the page showed (ISO time); now when absent' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'upTo must be an ISO 8601 time' })
  upTo?: string;
}

@ApiTags('conversations')
@Controller()
export class ConversationReadsController {
  constructor(private readonly commands: CommandBus) {}

  /** The caller opened the conversation: it stops being unread for them (auditors read too). */
  @Post('conversations/:id/seen')
  @Allow('conversations.read')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Recorded (or nothing new to record)' })
  async seen(@Param('id') id: string, @Body() body: SeenDto, @CurrentUser() user: SignedInUser, @RequestContext() context: CommandContext): Promise<void> {
    const upTo = body.upTo ? new Date(body.upTo) : null;
    await this.commands.execute(new SeeConversation(id, { ...context, accountId: user.accountId, userId: user.userId }, upTo));
  }
}
