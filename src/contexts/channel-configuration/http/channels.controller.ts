import { Body, Controller, Get, HttpCode, Inject, Patch, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import type { CommandContext } from '../../../shared/application/command-context';
import { APP_CONFIG, type AppConfig } from '../../../shared/config/app-config';
import { Allow } from '../../../shared/http/access';
import { CurrentUser, RequestContext, type SignedInUser } from '../../../shared/http/signed-in-user';
import { ChangeEmailChannel } from '../application/change-email-channel.command';
import { ClaimForwardingAddress } from '../application/claim-forwarding-address.command';
import { EmailPreview } from '../application/email-preview';
import { SwitchChatChannel } from '../application/switch-chat-channel.command';
import type { RenderedEmail } from '../domain/outgoing-email';
import { ChannelsQueries, type EmailChannelView } from '../read-models/channels.queries';
import { ChangeEmailChannelDto, ClaimForwardingAddressDto, PreviewEmailDto, SwitchChatDto } from './channels.dto';

export interface ChannelsAnswer {
  email: (EmailChannelView & { outbound: 'smtp' | 'file'; inboxDomain: string }) | null;
  chat: { enabled: boolean };
}

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
  channels(@CurrentUser() user: SignedInUser): ChannelsAnswer {
    const email = this.queries.emailChannel(user.accountId);
    return {
      email: email && { ...email, outbound: this.config.outboundSmtpUrl ? 'smtp' : 'file', inboxDomain: this.config.inboxDomain },
      chat: { enabled: this.queries.chatEnabled(user.accountId) },
    };
  }

  @Patch('email')
  @Allow('channels.email.configure')
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
  claimAddress(
    @Body() body: ClaimForwardingAddressDto,
    @CurrentUser() user: SignedInUser,
    @RequestContext() context: CommandContext,
  ): Promise<{ address: string }> {
    return this.commands.execute(new ClaimForwardingAddress(body.username, body.subdomain, { ...context, accountId: user.accountId }));
  }

  @Post('email/preview')
  @Allow('channels.email.configure')
  @HttpCode(200)
  previewEmail(@Body() body: PreviewEmailDto, @CurrentUser() user: SignedInUser): Omit<RenderedEmail, 'fromName'> {
    const { from, subject, html, text } = this.preview.render(user.accountId, user.name, body);
    return { from, subject, html, text };
  }

  @Patch('chat')
  @Allow('channels.chat.configure')
  async switchChat(
    @Body() body: SwitchChatDto,
    @CurrentUser() user: SignedInUser,
    @RequestContext() context: CommandContext,
  ): Promise<ChannelsAnswer> {
    await this.commands.execute(new SwitchChatChannel(body.enabled, { ...context, accountId: user.accountId }));
    return this.channels(user);
  }
}
