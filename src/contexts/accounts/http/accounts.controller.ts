import { Body, Controller, Get, Patch, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { Allow, Public } from '../../../shared/http/access';
import { CurrentUser, RequestContext, type SignedInUser } from '../../../shared/http/signed-in-user';
import type { CommandContext } from '../../../shared/application/command-context';
import { NotFound } from '../../../shared/domain/domain-error';
import { ChangeAccountSettings } from '../application/change-account-settings.command';
import { OpenAccount } from '../application/open-account.command';
import { SignupRateLimiter } from '../application/signup-rate-limiter';
import { AccountsQueries } from '../read-models/accounts.queries';
import { AccountAnswer, OpenedAccountAnswer } from './accounts.answers';
import { ChangeAccountDto, OpenAccountDto } from './accounts.dto';
import { setSessionCookie } from './session-response';

@ApiTags('accounts')
@Controller()
export class AccountsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: AccountsQueries,
    private readonly signups: SignupRateLimiter,
  ) {}

  @Post('accounts')
  @Public()
  @ApiOperation({ summary: 'Open an account (trial or seats) with its primary admin, signed in' })
  @ApiCreatedResponse({ type: OpenedAccountAnswer })
  async open(
    @Body() body: OpenAccountDto,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<OpenedAccountAnswer> {
    this.signups.take(request.ip ?? 'unknown');
    const { accountId, userId, session } = await this.commands.execute(new OpenAccount(body, request.requestId));
    setSessionCookie(request, response, session);
    return { accountId, userId };
  }

  @Get('account')
  @Allow('account.read')
  @ApiOkResponse({ type: AccountAnswer })
  account(@CurrentUser() user: SignedInUser): AccountAnswer {
    const account = this.queries.account(user.accountId);
    if (!account) throw new NotFound('Account');
    const { name, plan, timeZone, locale, undoSendSeconds } = account;
    return { name, plan, timeZone, locale, undoSendSeconds };
  }

  @Patch('account')
  @Allow('account.configure')
  @ApiOkResponse({ type: AccountAnswer })
  async change(
    @Body() body: ChangeAccountDto,
    @CurrentUser() user: SignedInUser,
    @RequestContext() context: CommandContext,
  ): Promise<AccountAnswer> {
    await this.commands.execute(new ChangeAccountSettings(body, { ...context, accountId: user.accountId }));
    return this.account(user);
  }
}
