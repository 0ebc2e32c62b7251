import { randomUUID } from 'node:crypto';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext } from '../../../shared/application/command-context';
import { EventSourcing } from '../../../shared/application/event-sourcing.service';
import { NotFound } from '../../../shared/domain/domain-error';
import { deterministicId } from '../../../shared/domain/deterministic-id';
import { HONEYPOT_FIELD } from '../domain/form.decider';
import { formSubmissionDecider, formSubmissionStream } from '../domain/form-submission.decider';
import { FormsQueries } from '../read-models/forms.queries';
import { SubmissionRateLimiter } from './submission-rate-limiter';

/** The conversation a submission opens: fixed with the submission, so its answer can name it. */
export const conversationIdForSubmission = (submissionId: string) => deterministicId('conversation', 'form', submissionId);

/** A visitor submits a public form; answers once the conversation it opens is visible. */
export class SubmitForm extends Command<{ conversationId: string }> {
  constructor(
    readonly formId: string,
    readonly values: Record<string, unknown>,
    readonly ip: string,
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(SubmitForm)
export class SubmitFormHandler implements ICommandHandler<SubmitForm> {
  constructor(
    private readonly eventSourcing: EventSourcing,
    private readonly forms: FormsQueries,
    private readonly limiter: SubmissionRateLimiter,
  ) {}

  async execute({ formId, values, ip, context }: SubmitForm): Promise<{ conversationId: string }> {
    this.limiter.take(ip);
    const form = this.forms.publicForm(formId);
    if (!form) throw new NotFound('Form');
    const submissionId = randomUUID();
    const conversationId = conversationIdForSubmission(submissionId);
    // A filled honeypot is a bot: it gets the answer a person gets, so it learns nothing, and nothing is kept.
    const honeypot = values[HONEYPOT_FIELD];
    if (honeypot !== undefined && honeypot !== '') return { conversationId };
    const outcome = await this.eventSourcing.decide(
      formSubmissionStream(submissionId),
      formSubmissionDecider,
      { type: 'SubmitForm', submissionId, conversationId, formId, accountId: form.accountId, form, values },
      { ...context, accountId: form.accountId },
      { now: new Date() },
    );
    await this.eventSourcing.settle(outcome.position);
    return { conversationId };
  }
}
