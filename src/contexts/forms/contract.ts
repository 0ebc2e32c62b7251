// What other contexts may use of Forms: its published events and their shapes.
export { formsEventSchemas } from './domain/forms.contracts';
export type { FormSubmitted, SubmittedField } from './domain/form-submission.decider';
export { submissionText } from './domain/form-submission.decider';
export type { FormCreated, FormChanged, FormField } from './domain/form.decider';
