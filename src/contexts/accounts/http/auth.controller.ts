import { Body, Controller, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Allow, Public } from '../../../shared/http/access';
import { commandContextOf, CurrentUser, type SignedInUser } from '../../../shared/http/signed-in-user';
import { LogIn } from '../application/log-in.command';
import { permissionsOf } from '../domain/permissions';
import { LogOut } from '../application/log-out.command';
import { MeAnswer } from './accounts.answers';
import { LoginDto } from './accounts.dto';
import { clearSessionCookie, setSessionCookie } from './session-response';

/** The signed-in user and what they may do, so that clients show and hide from this alone. */
const meOf = ({ userId, accountId, name, email, role }: Omit<SignedInUser, 'sessionId'>): MeAnswer => ({
  userId,
  accountId,
  name,
  email,
  role,
  permissions: permissionsOf(role),
});

@ApiTags('auth')
@Controller()
export class AuthController {
  constructor(private readonly commands: CommandBus) {}

  @Post('auth/login')
  @Public()
  @HttpCode(200)
  @ApiOkResponse({ type: MeAnswer })
  async login(@Body() body: LoginDto, @Req() request: Request, @Res({ passthrough: true }) response: Response): Promise<MeAnswer> {
    const { user, session } = await this.commands.execute(new LogIn(body.email, body.password, request.ip ?? 'unknown', request.requestId));
    setSessionCookie(request, response, session);
    return meOf(user);
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
    return meOf(user);
  }
}
