import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { CommandContext } from '../../../shared/application/command-context';
import { NotFound } from '../../../shared/domain/domain-error';
import { Allow } from '../../../shared/http/access';
import { CurrentUser, RequestContext, type SignedInUser } from '../../../shared/http/signed-in-user';
import { CreateUser } from '../application/create-user.command';
import { UpdateUser } from '../application/update-user.command';
import { ASSIGNABLE_ROLES, isChangeableBy } from '../domain/accounts.rules';
import { AccountsQueries, type UserView } from '../read-models/accounts.queries';
import { UserAnswer, UserListAnswer } from './accounts.answers';
import { CreateUserDto, UpdateUserDto } from './accounts.dto';

const answer = ({ accountId: _accountId, ...user }: UserView, caller: SignedInUser): UserAnswer => ({
  ...user,
  changeable: isChangeableBy(user, caller.userId),
});

@ApiTags('users')
@Controller('users')
@Allow('users.manage')
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
    return this.found(user, userId);
  }

  /** Also the roles a user can be given, so that clients offer those and no others. */
  @Get()
  @ApiOkResponse({ type: UserListAnswer })
  list(@CurrentUser() user: SignedInUser): UserListAnswer {
    return { items: this.queries.users(user.accountId).map((each) => answer(each, user)), assignableRoles: [...ASSIGNABLE_ROLES] };
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
    return this.found(user, id);
  }

  private found(caller: SignedInUser, userId: string): UserAnswer {
    const user = this.queries.user(caller.accountId, userId);
    if (!user) throw new NotFound('User');
    return answer(user, caller);
  }
}
