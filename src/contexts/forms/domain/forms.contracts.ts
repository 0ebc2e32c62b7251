import type { EventSchemas } from '../../../shared/domain/event-schema';
import { FormSubmittedData } from './form-submission.decider';
import { FormChangedData, FormCreatedData } from './form.decider';

/** Forms' part of the app's event registry. */
export const formsEventSchemas: EventSchemas = { FormCreated: FormCreatedData, FormChanged: FormChangedData, FormSubmitted: FormSubmittedData };
