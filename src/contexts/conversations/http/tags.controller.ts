import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Put } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiNoContentResponse, ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsString, MaxLength } from 'class-validator';
import type { CommandContext } from '../../../shared/application/command-context';
import { NotFound } from '../../../shared/domain/domain-error';
import { Allow } from '../../../shared/http/access';
import { CurrentUser, RequestContext, type SignedInUser } from '../../../shared/http/signed-in-user';
import { DeleteTag } from '../application/delete-tag.command';
import { RenameTag } from '../application/rename-tag.command';
import { SetConversationTags } from '../application/set-conversation-tags.command';
import { TagsQueries } from '../read-models/tags.queries';
import { ConversationTagsAnswer, TagAnswer, TagListAnswer } from './tags.answers';

// Bounds on what comes in; the tag name rule itself (1-40 characters, at most 20 tags) answers in the domain.
class SetTagsDto {
  @ApiProperty({ type: [String], description: 'every tag the conversation should carry, by name (new names become tags); [] clears them' })
  // class-validator reports the lowest broken rule first: the shape before the sizes.
  @ArrayMaxSize(100, { message: 'tags must be a list of at most 100 tag names' })
  @MaxLength(200, { each: true, message: 'tags: a tag name must be 1 to 40 characters' })
  @IsString({ each: true, message: 'tags must be a list of tag names' })
  @IsArray({ message: 'tags must be a list of tag names' })
  tags!: string[];
}

class RenameTagDto {
  @ApiProperty({ description: '1 to 40 characters, no commas' })
  @IsString({ message: 'name must be text' })
  @MaxLength(200, { message: 'name: a tag name must be 1 to 40 characters' })
  name!: string;
}

@ApiTags('tags')
@Controller()
@Allow('conversations.read')
export class TagsController {
  constructor(
    private readonly tags: TagsQueries,
    private readonly commands: CommandBus,
  ) {}

  @Put('conversations/:id/tags')
  @Allow('conversations.manage')
  @ApiOkResponse({ type: ConversationTagsAnswer })
  async set(@Param('id') id: string, @Body() body: SetTagsDto, @CurrentUser() user: SignedInUser, @RequestContext() context: CommandContext): Promise<ConversationTagsAnswer> {
    await this.commands.execute(new SetConversationTags(id, body.tags, { ...context, accountId: user.accountId }));
    return { tags: this.tags.of(id) };
  }

  @Get('tags')
  @ApiOkResponse({ type: TagListAnswer })
  list(@CurrentUser() user: SignedInUser): TagListAnswer {
    return { items: this.tags.list(user.accountId) };
  }

  @Patch('tags/:id')
  @Allow('tags.manage')
  @ApiOkResponse({ type: TagAnswer })
  async rename(@Param('id') id: string, @Body() body: RenameTagDto, @CurrentUser() user: SignedInUser, @RequestContext() context: CommandContext): Promise<TagAnswer> {
    await this.commands.execute(new RenameTag(id, body.name, { ...context, accountId: user.accountId }));
    const tag = this.tags.tag(user.accountId, id);
    if (!tag) throw new NotFound('Tag');
    return tag;
  }

  @Delete('tags/:id')
  @Allow('tags.manage')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Deleted: the tag left every conversation' })
  async delete(@Param('id') id: string, @CurrentUser() user: SignedInUser, @RequestContext() context: CommandContext): Promise<void> {
    await this.commands.execute(new DeleteTag(id, { ...context, accountId: user.accountId }));
  }
}
