import { Body, Controller, Get, Param, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { DomainError, NotFound } from '../../../shared/domain/domain-error';
import { Public, PublicCrossSite } from '../../../shared/http/access';
import { commandContextOf } from '../../../shared/http/signed-in-user';
import { SubmitForm } from '../application/submit-form.command';
import { HONEYPOT_FIELD } from '../domain/form.decider';
import { FormsQueries } from '../read-models/forms.queries';
import { FormSubmittedAnswer, PublicFormAnswer } from './forms.answers';

/**
 * What visitors reach without signing in: a form's public definition (for the hosted page) and the
 * submission endpoint, which any site may embed (CORS headers come from FormSubmissionCors).
 */
@ApiTags('forms')
@Controller('forms')
export class FormSubmissionsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly forms: FormsQueries,
  ) {}

  @Get(':id/public')
  @Public()
  @ApiOkResponse({ type: PublicFormAnswer })
  definition(@Param('id') id: string): PublicFormAnswer {
    const form = this.forms.publicForm(id);
    if (!form) throw new NotFound('Form');
    return { id: form.id, name: form.name, fields: form.fields, honeypotField: HONEYPOT_FIELD };
  }

  /**
   * JSON answers 201 `{conversationId}`. A plain HTML form post (urlencoded, no script) is answered
   * with a redirect to the hosted page, which thanks the visitor or shows what was wrong.
   */
  @Post(':formId/submissions')
  @PublicCrossSite()
  @ApiConsumes('application/json', 'application/x-www-form-urlencoded')
  @ApiBody({ description: "the form's fields by name", schema: { type: 'object', additionalProperties: { type: 'string' } } })
  @ApiCreatedResponse({ type: FormSubmittedAnswer, description: 'the conversation is in the inbox' })
  @ApiResponse({ status: 303, description: "a plain HTML form post: to the hosted page, thanking or saying what was wrong" })
  async submit(@Param('formId') formId: string, @Body() body: unknown, @Req() request: Request, @Res() response: Response): Promise<void> {
    const values = typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
    const fromHtmlForm = request.is('application/x-www-form-urlencoded') === 'application/x-www-form-urlencoded' && (request.accepts(['json', 'html']) === 'html');
    const page = `/f/${encodeURIComponent(formId)}`;
    try {
      const { conversationId } = await this.commands.execute(new SubmitForm(formId, values, request.ip ?? 'unknown', commandContextOf(request)));
      if (fromHtmlForm) response.redirect(303, `${page}?sent=1`);
      else response.status(201).json({ conversationId } satisfies FormSubmittedAnswer);
    } catch (error) {
      if (fromHtmlForm && error instanceof DomainError && error.kind !== 'not_found') {
        // The code, never the message: the page shows a fixed sentence for it, so its address carries no text to show.
        const query = new URLSearchParams({ error: error.code, ...(error.field ? { field: error.field } : {}) });
        response.redirect(303, `${page}?${query.toString()}`);
        return;
      }
      throw error;
    }
  }
}
