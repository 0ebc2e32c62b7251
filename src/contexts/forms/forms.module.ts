import { Module, RequestMethod, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { ChangeFormHandler } from './application/change-form.command';
import { CreateFormHandler } from './application/create-form.command';
import { SubmissionRateLimiter } from './application/submission-rate-limiter';
import { SubmitFormHandler } from './application/submit-form.command';
import { formSubmissionCors } from './http/form-submission-cors.middleware';
import { FormSubmissionsController } from './http/form-submissions.controller';
import { FormsController } from './http/forms.controller';
import { FormsQueries } from './read-models/forms.queries';

@Module({
  controllers: [FormsController, FormSubmissionsController],
  providers: [FormsQueries, CreateFormHandler, ChangeFormHandler, SubmitFormHandler, SubmissionRateLimiter],
  exports: [FormsQueries],
})
export class FormsModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(formSubmissionCors).forRoutes({ path: 'forms/:formId/submissions', method: RequestMethod.ALL });
  }
}
