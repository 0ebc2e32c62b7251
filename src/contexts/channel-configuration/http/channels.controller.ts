import { Body, Controller, Get, HttpCode, Inject, Patch, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { CommandContext } from '../../../shared/application/command-context';
import { APP_CONFIG, type AppConfig } from '../../../shared/config/app-config';
import { Allow } from '../../../shared/http/access';
import { CurrentUser, RequestContext, type SignedInUser } from '../../../shared/http/signed-in-user';
import { ChangeEmailChannel } from '../application/change-email-channel.command';
import { ClaimForwardingAddress } from '../application/claim-forwarding-address.command';
import { EmailPreview } from '../application/email-preview';
import { SwitchChatChannel } from '../application/switch-chat-channel.command';
import { ChannelsQueries } from '../read-models/channels.queries';
import { ChannelsAnswer, EmailPreviewAnswer, ForwardingAddressAnswer } from './channels.answers';
import { ChangeEmailChannelDto, ClaimForwardingAddressDto, PreviewEmailDto, SwitchChatDto } from './channels.dto';

@ApiTags('channels')
@Controller('channels')
export class ChannelsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: ChannelsQueries,
    private readonly preview: EmailPreview,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  @Allow('channels.read')
  @ApiOkResponse({ type: ChannelsAnswer })
  channels(@CurrentUser() user: SignedInUser): ChannelsAnswer {
    const email = this.queries.emailChannel(user.accountId);
    return {
      email: email && { ...email, outbound: this.config.outboundSmtpUrl ? 'smtp' : 'file', inboxDomain: this.config.inboxDomain },
      chat: { enabled: this.queries.chatEnabled(user.accountId) },
    };
  }

  @Patch('email')
  @Allow('channels.email.configure')
  @ApiOkResponse({ type: ChannelsAnswer })
  async changeEmail(
    @Body() body: ChangeEmailChannelDto,
    @CurrentUser() user: SignedInUser,
    @RequestContext() context: CommandContext,
  ): Promise<ChannelsAnswer> {
    await this.commands.execute(new ChangeEmailChannel(body, { ...context, accountId: user.accountId }));
    return this.channels(user);
  }

  @Post('email/forwarding-address')
  @Allow('channels.email.configure')
  @ApiCreatedResponse({ type: ForwardingAddressAnswer })
  claimAddress(
    @Body() body: ClaimForwardingAddressDto,
    @CurrentUser() user: SignedInUser,
    @RequestContext() context: CommandContext,
  ): Promise<ForwardingAddressAnswer> {
    return this.commands.execute(new ClaimForwardingAddress(body.username, body.subdomain, { ...context, accountId: user.accountId }));
  }

  @Post('email/preview')
  @Allow('channels.email.configure')
  @HttpCode(200)
  @ApiOkResponse({ type: EmailPreviewAnswer })
  previewEmail(@Body() body: PreviewEmailDto, @CurrentUser() user: SignedInUser): EmailPreviewAnswer {
    const { from, subject, html, text } = this.preview.render(user.accountId, user, body);
    return { from, subject, html, text };
  }

  @Patch('chat')
  @Allow('channels.chat.configure')
  @ApiOkResponse({ type: ChannelsAnswer })
  async switchChat(
    @Body() body: SwitchChatDto,
    @CurrentUser() user: SignedInUser,
    @RequestContext() context: CommandContext,
  ): Promise<ChannelsAnswer> {
    await this.commands.execute(new SwitchChatChannel(body.enabled, { ...context, accountId: user.accountId }));
    return this.channels(user);
  }
}
