import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Allow } from '../../../shared/http/access';
import { CurrentUser, type SignedInUser } from '../../../shared/http/signed-in-user';
import { AccountsQueries } from '../../accounts/contract';
import { isAssignable } from '../domain/assignment';
import { AssigneeListAnswer } from './conversations.answers';

/** Whom a conversation can be given to, for everyone who works in the inbox (the user list is for admins). */
@ApiTags('conversations')
@Controller('assignees')
@Allow('conversations.read')
export class AssigneesController {
  constructor(private readonly accounts: AccountsQueries) {}

  @Get()
  @ApiOkResponse({ type: AssigneeListAnswer })
  list(@CurrentUser() user: SignedInUser): AssigneeListAnswer {
    return {
      items: this.accounts
        .users(user.accountId)
        .filter(isAssignable)
        .map(({ userId, name }) => ({ userId, name }))
        .sort((a, b) => a.name.localeCompare(b.name)),
    };
  }
}
