import { Body, Controller, Get, HttpCode, Patch, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Allow, Public } from '../../../shared/http/access';
import type { CommandContext } from '../../../shared/application/command-context';
import { commandContextOf, CurrentUser, RequestContext, type SignedInUser } from '../../../shared/http/signed-in-user';
import { ChangeProfile } from '../application/change-profile.command';
import { LogIn } from '../application/log-in.command';
import { permissionsOf } from '../domain/permissions';
import { LogOut } from '../application/log-out.command';
import { MeAnswer } from './accounts.answers';
import { AccountsQueries } from '../read-models/accounts.queries';
import { ChangeProfileDto, LoginDto } from './accounts.dto';
import { clearSessionCookie, setSessionCookie } from './session-response';

/** The signed-in user and what they may do, so that clients show and hide from this alone. */
const meOf = ({ userId, accountId, name, email, role }: Omit<SignedInUser, 'sessionId'>, queries: AccountsQueries): MeAnswer => ({
  userId,
  accountId,
  name,
  email,
  role,
  permissions: permissionsOf(role),
  signature: queries.signature(accountId, userId),
  language: queries.language(accountId, userId),
});

@ApiTags('auth')
@Controller()
export class AuthController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: AccountsQueries,
  ) {}

  @Post('auth/login')
  @Public()
  @HttpCode(200)
  @ApiOkResponse({ type: MeAnswer })
  async login(@Body() body: LoginDto, @Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<MeAnswer> {
    const { user, session } = await this.commands.execute(new LogIn(body.email, body.password, request.ip ?? 'unknown', request.requestId));
    setSessionCookie(request, response, session);
    return meOf(user, this.queries);
  }

  /** Ends the current session, if any, and clears the cookie. */
  @Post('auth/logout')
  @Public()
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Signed out; the session cookie is cleared' })
  async logout(@Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<void> {
    if (request.user) await this.commands.execute(new LogOut(request.user.sessionId, commandContextOf(request)));
    clearSessionCookie(response);
  }

  @Get('me')
  @Allow('profile.read')
  @ApiOkResponse({ type: MeAnswer })
  me(@CurrentUser() user: SignedInUser): MeAnswer {
    return meOf(user, this.queries);
  }

  /** The caller's own profile: name, language, signature. */
  @Patch('me')
  @Allow('profile.update')
  @ApiOkResponse({ type: MeAnswer })
  async changeProfile(@Body() body: ChangeProfileDto, @CurrentUser() user: SignedInUser, @RequestContext() context: CommandContext): Promise<MeAnswer> {
    await this.commands.execute(new ChangeProfile(body, { ...context, accountId: user.accountId, actor: { userId: user.userId, role: user.role } }));
    // The request's user was read before the change: its name may be the old one.
    return meOf({ ...user, name: this.queries.user(user.accountId, user.userId)?.name ?? user.name }, this.queries);
  }
}
