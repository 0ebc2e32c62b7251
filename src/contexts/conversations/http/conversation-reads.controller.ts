import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { CommandContext } from '../../../shared/application/command-context';
import { ALL_ROLES, Allow } from '../../../shared/http/access';
import { CurrentUser, RequestContext, type SignedInUser } from '../../../shared/http/signed-in-user';
import { SeeConversation } from '../application/see-conversation.command';

@ApiTags('conversations')
@Controller()
export class ConversationReadsController {
  constructor(private readonly commands: CommandBus) {}

  /** The caller opened the conversation: it stops being unread for them (auditors read too). */
  @Post('conversations/:id/seen')
  @Allow(ALL_ROLES)
  @HttpCode(204)
  async seen(@Param('id') id: string, @CurrentUser() user: SignedInUser, @RequestContext() context: CommandContext): Promise<void> {
    await this.commands.execute(new SeeConversation(id, { ...context, accountId: user.accountId, userId: user.userId }));
  }
}
