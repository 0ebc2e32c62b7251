import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { CommandContext } from '../../../shared/application/command-context';
import { NotFound } from '../../../shared/domain/domain-error';
import { ADMINS, Allow } from '../../../shared/http/access';
import { CurrentUser, RequestContext, type SignedInUser } from '../../../shared/http/signed-in-user';
import { CreateUser } from '../application/create-user.command';
import { UpdateUser } from '../application/update-user.command';
import { AccountsQueries, type UserView } from '../read-models/accounts.queries';
import { UserAnswer, UserListAnswer } from './accounts.answers';
import { CreateUserDto, UpdateUserDto } from './accounts.dto';

const answer = ({ accountId: _accountId, ...user }: UserView): UserAnswer => user;

@ApiTags('users')
@Controller('users')
@Allow(ADMINS)
export class UsersController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: AccountsQueries,
  ) {}

  @Post()
  @ApiCreatedResponse({ type: UserAnswer })
  async create(
    @Body() body: CreateUserDto,
    @CurrentUser() user: SignedInUser,
    @RequestContext() context: CommandContext,
  ): Promise<UserAnswer> {
    const { userId } = await this.commands.execute(new CreateUser(body, { ...context, accountId: user.accountId }));
    return this.found(user.accountId, userId);
  }

  @Get()
  @ApiOkResponse({ type: UserListAnswer })
  list(@CurrentUser() user: SignedInUser): UserListAnswer {
    return { items: this.queries.users(user.accountId).map(answer) };
  }

  @Patch(':id')
  @ApiOkResponse({ type: UserAnswer })
  async update(
    @Param('id') id: string,
    @Body() body: UpdateUserDto,
    @CurrentUser() user: SignedInUser,
    @RequestContext() context: CommandContext,
  ): Promise<UserAnswer> {
    await this.commands.execute(
      new UpdateUser(id, body, { ...context, accountId: user.accountId, actor: { userId: user.userId, role: user.role } }),
    );
    return this.found(user.accountId, id);
  }

  private found(accountId: string, userId: string): UserAnswer {
    const user = this.queries.user(accountId, userId);
    if (!user) throw new NotFound('User');
    return answer(user);
  }
}
