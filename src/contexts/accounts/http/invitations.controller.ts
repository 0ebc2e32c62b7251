import { Body, Controller, Get, HttpCode, Inject, Param, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { CommandContext } from '../../../shared/application/command-context';
import { CLOCK, type Clock } from '../../../shared/clock/clock';
import { Allow, Public } from '../../../shared/http/access';
import { CurrentUser, RequestContext, type SignedInUser } from '../../../shared/http/signed-in-user';
import { AcceptInvitation, InvitationLinks } from '../application/accept-invitation.command';
import { InviteUser } from '../application/invite-user.command';
import { ResendInvitation } from '../application/resend-invitation.command';
import { RevokeInvitation } from '../application/revoke-invitation.command';
import { InvitationsQueries } from '../read-models/invitations.queries';
import { InvitationLinkAnswer, InvitationListAnswer, InvitedAnswer, OpenedAccountAnswer } from './accounts.answers';
import { AcceptInvitationDto, InvitationLinkDto, InviteUserDto } from './accounts.dto';
import { setSessionCookie } from './session-response';

@ApiTags('invitations')
@Controller('invitations')
export class InvitationsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly invitations: InvitationsQueries,
    private readonly links: InvitationLinks,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Post()
  @Allow('users.manage')
  @ApiOperation({ summary: 'Invite an address with a role: a one-time link (7 days) goes to it by mail' })
  @ApiCreatedResponse({ type: InvitedAnswer })
  invite(@Body() body: InviteUserDto, @CurrentUser() user: SignedInUser, @RequestContext() context: CommandContext): Promise<InvitedAnswer> {
    return this.commands.execute(new InviteUser(body, admin(user, context)));
  }

  @Get()
  @Allow('users.manage')
  @ApiOkResponse({ type: InvitationListAnswer })
  list(@CurrentUser() user: SignedInUser): InvitationListAnswer {
    return { items: this.invitations.open(user.accountId, this.clock.now()) };
  }

  @Post(':id/resend')
  @Allow('users.manage')
  @HttpCode(204)
  @ApiOperation({ summary: 'Mail a new link with a new expiry; the previous link stops working' })
  @ApiNoContentResponse()
  async resend(@Param('id') id: string, @CurrentUser() user: SignedInUser, @RequestContext() context: CommandContext): Promise<void> {
    await this.commands.execute(new ResendInvitation(id, admin(user, context)));
  }

  @Post(':id/revoke')
  @Allow('users.manage')
  @HttpCode(204)
  @ApiNoContentResponse()
  async revoke(@Param('id') id: string, @CurrentUser() user: SignedInUser, @RequestContext() context: CommandContext): Promise<void> {
    await this.commands.execute(new RevokeInvitation(id, admin(user, context)));
  }

  /** For the link's page: what it invites to, or why it no longer works (LINK_INVALID, LINK_USED, LINK_EXPIRED). */
  @Post('check')
  @Public()
  @HttpCode(200)
  @ApiOkResponse({ type: InvitationLinkAnswer })
  async check(@Body() body: InvitationLinkDto): Promise<InvitationLinkAnswer> {
    const { state, accountName } = await this.links.open(body.token);
    return { email: state.email, accountName, role: state.role, expiresAt: state.expiresAt };
  }

  @Post('accept')
  @Public()
  @ApiOperation({ summary: "Become a user of the inviting account with the link's token, a name and a password; signed in" })
  @ApiCreatedResponse({ type: OpenedAccountAnswer })
  async accept(@Body() body: AcceptInvitationDto, @Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<OpenedAccountAnswer> {
    const { userId, accountId, session } = await this.commands.execute(new AcceptInvitation(body, request.requestId));
    setSessionCookie(request, response, session);
    return { accountId, userId };
  }
}

const admin = (user: SignedInUser, context: CommandContext) => ({ ...context, accountId: user.accountId, actor: { userId: user.userId, role: user.role } });
