import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { CommandContext } from '../../../shared/application/command-context';
import { InvalidInput, NotFound } from '../../../shared/domain/domain-error';
import { Allow } from '../../../shared/http/access';
import { CurrentUser, RequestContext, type SignedInUser } from '../../../shared/http/signed-in-user';
import { ChangeSavedReply } from '../application/change-saved-reply.command';
import { CreateSavedReply } from '../application/create-saved-reply.command';
import { DeleteSavedReply } from '../application/delete-saved-reply.command';
import { renderVariables, SAVED_REPLY_VARIABLES } from '../../../shared/domain/template-variables';
import { ConversationsQueries } from '../read-models/conversations.queries';
import { SavedRepliesQueries, type SavedReplyView } from '../read-models/saved-replies.queries';
import { RenderedSavedReplyAnswer, SavedReplyAnswer, SavedReplyListAnswer } from './saved-replies.answers';
import { ChangeSavedReplyDto, CreateSavedReplyDto } from './saved-replies.dto';

const MAX_QUERY = 200;

/** The account's saved replies: everyone reads them, admins write them. */
@ApiTags('saved-replies')
@Controller()
export class SavedRepliesController {
  constructor(
    private readonly commands: CommandBus,
    private readonly savedReplies: SavedRepliesQueries,
    private readonly conversations: ConversationsQueries,
  ) {}

  @Get('saved-replies')
  @Allow('saved-replies.read')
  @ApiOkResponse({ type: SavedReplyListAnswer })
  @ApiQuery({ name: 'q', required: false, description: `part of a name or body (at most ${MAX_QUERY} characters)` })
  list(@CurrentUser() user: SignedInUser, @Query('q') q?: string): SavedReplyListAnswer {
    if (q !== undefined && (typeof q !== 'string' || q.length > MAX_QUERY)) throw new InvalidInput('q', `q must be text of at most ${MAX_QUERY} characters`);
    return { items: this.savedReplies.list(user.accountId, q), variables: [...SAVED_REPLY_VARIABLES] };
  }

  @Get('saved-replies/:id')
  @Allow('saved-replies.read')
  @ApiOkResponse({ type: SavedReplyAnswer })
  savedReply(@Param('id') id: string, @CurrentUser() user: SignedInUser): SavedReplyAnswer {
    return this.found(user, id);
  }

  @Post('saved-replies')
  @Allow('saved-replies.manage')
  @ApiCreatedResponse({ type: SavedReplyAnswer })
  async create(@Body() body: CreateSavedReplyDto, @CurrentUser() user: SignedInUser, @RequestContext() context: CommandContext): Promise<SavedReplyAnswer> {
    const { savedReplyId } = await this.commands.execute(new CreateSavedReply(body.name, body.body, { ...context, accountId: user.accountId, userId: user.userId }));
    return this.found(user, savedReplyId);
  }

  @Patch('saved-replies/:id')
  @Allow('saved-replies.manage')
  @ApiOkResponse({ type: SavedReplyAnswer })
  async change(@Param('id') id: string, @Body() body: ChangeSavedReplyDto, @CurrentUser() user: SignedInUser, @RequestContext() context: CommandContext): Promise<SavedReplyAnswer> {
    const changes = { ...(body.name !== undefined ? { name: body.name } : {}), ...(body.body !== undefined ? { body: body.body } : {}) };
    await this.commands.execute(new ChangeSavedReply(id, changes, { ...context, accountId: user.accountId, userId: user.userId }));
    return this.found(user, id);
  }

  @Delete('saved-replies/:id')
  @Allow('saved-replies.manage')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Deleted' })
  async remove(@Param('id') id: string, @CurrentUser() user: SignedInUser, @RequestContext() context: CommandContext): Promise<void> {
    await this.commands.execute(new DeleteSavedReply(id, { ...context, accountId: user.accountId, userId: user.userId }));
  }

  /** The body as the composer inserts it: the conversation's contact and subject, the caller as agent. */
  @Get('conversations/:id/saved-replies/:savedReplyId/rendered')
  @Allow('saved-replies.read')
  @ApiOkResponse({ type: RenderedSavedReplyAnswer })
  rendered(@Param('id') id: string, @Param('savedReplyId') savedReplyId: string, @CurrentUser() user: SignedInUser): RenderedSavedReplyAnswer {
    const conversation = this.conversations.conversation(user.accountId, id);
    if (!conversation) throw new NotFound('Conversation');
    const reply = this.found(user, savedReplyId);
    const text = renderVariables(reply.body, {
      'contact.name': conversation.contact.name,
      'contact.email': conversation.contact.email,
      'agent.name': user.name,
      'agent.email': user.email,
      'conversation.subject': conversation.subject,
    });
    return { id: reply.id, name: reply.name, text };
  }

  private found(user: SignedInUser, id: string): SavedReplyView {
    const reply = this.savedReplies.savedReply(user.accountId, id);
    if (!reply) throw new NotFound('Saved reply');
    return reply;
  }
}
