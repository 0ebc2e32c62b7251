import { Body, Controller, Get, HttpCode, Patch, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiAcceptedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Allow, Public } from '../../../shared/http/access';
import type { CommandContext } from '../../../shared/application/command-context';
import { commandContextOf, CurrentUser, RequestContext, type SignedInUser } from '../../../shared/http/signed-in-user';
import { ChangeProfile } from '../application/change-profile.command';
import { ChangePassword } from '../application/change-password.command';
import { ConfirmPasswordReset } from '../application/confirm-password-reset.command';
import { RequestPasswordReset } from '../application/request-password-reset.command';
import { LogIn } from '../application/log-in.command';
import { permissionsOf } from '../domain/permissions';
import { LogOut } from '../application/log-out.command';
import { MeAnswer, PasswordResetRequestedAnswer } from './accounts.answers';
import { AccountsQueries } from '../read-models/accounts.queries';
import { ChangeProfileDto, LoginDto, PasswordResetConfirmDto, PasswordResetRequestDto } from './accounts.dto';
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

  /** Mails a one-time link to the address if a user has it; the answer is the same either way. */
  @Post('auth/password-reset')
  @Public()
  @HttpCode(202)
  @ApiAcceptedResponse({ type: PasswordResetRequestedAnswer })
  async requestPasswordReset(@Body() body: PasswordResetRequestDto, @Req() request: Request): Promise<PasswordResetRequestedAnswer> {
    await this.commands.execute(new RequestPasswordReset(body.email, request.ip ?? 'unknown', request.requestId));
    return { message: 'If a user has this address, a link to reset the password is on its way; it works once, within one hour.' };
  }

  /** Sets the password from a reset link, ends the user's sessions and signs them in afresh. */
  @Post('auth/password-reset/confirm')
  @Public()
  @HttpCode(200)
  @ApiOkResponse({ type: MeAnswer })
  async confirmPasswordReset(@Body() body: PasswordResetConfirmDto, @Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<MeAnswer> {
    const { user, session } = await this.commands.execute(new ConfirmPasswordReset(body.token, body.password, request.requestId));
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

  /** The caller's own profile: name, language, signature, and the password (with the current one). */
  @Patch('me')
  @Allow('profile.update')
  @ApiOkResponse({ type: MeAnswer })
  async changeProfile(
    @Body() body: ChangeProfileDto,
    @CurrentUser() user: SignedInUser,
    @RequestContext() context: CommandContext,
    @Req() request: Request,
  ): Promise<MeAnswer> {
    const { password, currentPassword, ...profile } = body;
    const ownContext = { ...context, accountId: user.accountId, actor: { userId: user.userId, role: user.role } };
    // The password first: a wrong current password changes nothing else either.
    if (password !== undefined || currentPassword !== undefined) {
      await this.commands.execute(new ChangePassword({ password, currentPassword }, request.ip ?? 'unknown', user.sessionId, ownContext));
    }
    await this.commands.execute(new ChangeProfile(profile, ownContext));
    // The request's user was read before the change: its name may be the old one.
    return meOf({ ...user, name: this.queries.user(user.accountId, user.userId)?.name ?? user.name }, this.queries);
  }
}
