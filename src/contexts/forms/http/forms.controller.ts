import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { CommandContext } from '../../../shared/application/command-context';
import { NotFound } from '../../../shared/domain/domain-error';
import { Allow } from '../../../shared/http/access';
import { CurrentUser, RequestContext, type SignedInUser } from '../../../shared/http/signed-in-user';
import { ChangeForm } from '../application/change-form.command';
import { CreateForm } from '../application/create-form.command';
import { FormsQueries } from '../read-models/forms.queries';
import { FormAnswer, FormListAnswer } from './forms.answers';
import { ChangeFormDto, CreateFormDto } from './forms.dto';

/** Admins define the forms whose submissions open conversations. */
@ApiTags('forms')
@Controller('forms')
@Allow('forms.manage')
export class FormsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly forms: FormsQueries,
  ) {}

  @Post()
  @ApiCreatedResponse({ type: FormAnswer })
  async create(@Body() body: CreateFormDto, @CurrentUser() user: SignedInUser, @RequestContext() context: CommandContext): Promise<FormAnswer> {
    const { formId } = await this.commands.execute(new CreateForm({ name: body.name, fields: body.fields.map((f) => ({ ...f })) }, { ...context, accountId: user.accountId }));
    return this.found(user, formId);
  }

  @Get()
  @ApiOkResponse({ type: FormListAnswer })
  list(@CurrentUser() user: SignedInUser): FormListAnswer {
    return { items: this.forms.list(user.accountId) };
  }

  @Get(':id')
  @ApiOkResponse({ type: FormAnswer })
  form(@Param('id') id: string, @CurrentUser() user: SignedInUser): FormAnswer {
    return this.found(user, id);
  }

  @Patch(':id')
  @ApiOkResponse({ type: FormAnswer })
  async change(@Param('id') id: string, @Body() body: ChangeFormDto, @CurrentUser() user: SignedInUser, @RequestContext() context: CommandContext): Promise<FormAnswer> {
    this.found(user, id);
    const changes = { ...(body.name !== undefined ? { name: body.name } : {}), ...(body.fields !== undefined ? { fields: body.fields.map((f) => ({ ...f })) } : {}) };
    await this.commands.execute(new ChangeForm(id, changes, { ...context, accountId: user.accountId }));
    return this.found(user, id);
  }

  private found(user: SignedInUser, id: string): FormAnswer {
    const form = this.forms.form(user.accountId, id);
    if (!form) throw new NotFound('Form');
    return form;
  }
}
