import { z } from 'zod';
import type { Decider } from '../../../shared/domain/decider';
import { InvalidInput } from '../../../shared/domain/domain-error';
import type { Event } from '../../../shared/domain/event-envelope';
import { Timestamp } from '../../../shared/domain/event-schema';
import type { FormDefinition, FormField } from './form.decider';

export const SubmittedField = z.object({ name: z.string().min(1), label: z.string(), value: z.string() });
export type SubmittedField = z.infer<typeof SubmittedField>;

export const FormSubmittedData = z.object({
  submissionId: z.string().min(1),
  formId: z.string().min(1),
  formName: z.string(),
  accountId: z.string().min(1),
  /** Decided here, so the submitter's answer can name the conversation Conversations will start. */
  conversationId: z.string().min(1),
  contact: z.object({ email: z.string().min(1), name: z.string() }),
  subject: z.string(),
  /** Every field of the form in its order, empty ones included, so the ticket reads like the form. */
  fields: z.array(SubmittedField),
  submittedAt: Timestamp,
});
export type FormSubmitted = Event<'FormSubmitted', z.infer<typeof FormSubmittedData>>;
export type FormSubmissionEvent = FormSubmitted;

export interface SubmitForm {
  type: 'SubmitForm';
  submissionId: string;
  conversationId: string;
  formId: string;
  accountId: string;
  form: FormDefinition;
  values: Record<string, unknown>;
}

export const formSubmissionStream = (submissionId: string) => `formsubmission-${submissionId}`;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const TEL = /^[0-9+()\-./ ]{3,40}$/;
const MAX_LENGTH: Record<FormField['type'], number> = { text: 500, email: 254, tel: 40, select: 100, textarea: 10_000 };

/** The submitted values, checked against the form: the first broken rule names its field. */
export function validateSubmission(form: FormDefinition, values: Record<string, unknown>): SubmittedField[] {
  return form.fields.map((field) => {
    const raw = values[field.name];
    if (Array.isArray(raw)) throw new InvalidInput(field.name, `${field.name} must be a single value`);
    if (raw !== undefined && raw !== null && typeof raw !== 'string') throw new InvalidInput(field.name, `${field.name} must be text`);
    const value = (raw ?? '').replace(/\r\n?/g, '\n').trim();
    if (!value) {
      if (field.required) throw new InvalidInput(field.name, `${field.name} is required (${field.label})`);
      return { name: field.name, label: field.label, value: '' };
    }
    const max = MAX_LENGTH[field.type];
    if (value.length > max) throw new InvalidInput(field.name, `${field.name} must be at most ${max} characters`);
    if (field.type !== 'textarea' && value.includes('\n')) throw new InvalidInput(field.name, `${field.name} must be one line`);
    if (field.type === 'email' && !EMAIL.test(value)) throw new InvalidInput(field.name, `${field.name} must be an email address`);
    if (field.type === 'tel' && !TEL.test(value)) throw new InvalidInput(field.name, `${field.name} must be a phone number (digits, spaces, + - ( ) . /)`);
    if (field.type === 'select' && !field.options?.includes(value)) {
      throw new InvalidInput(field.name, `${field.name} must be one of: ${field.options?.join(', ')}`);
    }
    return { name: field.name, label: field.label, value };
  });
}

export const formSubmissionDecider: Decider<{ submitted: boolean }, SubmitForm, FormSubmissionEvent, { now: Date }> = {
  initialState: () => ({ submitted: false }),
  evolve: (state, event) => (event.type === 'FormSubmitted' ? { submitted: true } : state),
  decide: (command, state, { now }) => {
    if (state.submitted) return [];
    const fields = validateSubmission(command.form, command.values);
    const emailField = command.form.fields.find((f) => f.type === 'email');
    const email = fields.find((f) => f.name === emailField?.name)?.value.toLowerCase() ?? '';
    // A form that cannot open tickets never gets this far (its definition requires one email field).
    if (!email) throw new InvalidInput('fields', 'the form has no email field');
    const valueOf = (name: string) => fields.find((f) => f.name === name)?.value ?? '';
    const subject = valueOf('subject') ? `${command.form.name}: ${valueOf('subject')}` : command.form.name;
    return [
      {
        type: 'FormSubmitted',
        data: {
          submissionId: command.submissionId,
          formId: command.formId,
          formName: command.form.name,
          accountId: command.accountId,
          conversationId: command.conversationId,
          contact: { email, name: valueOf('name') },
          subject,
          fields,
          submittedAt: now.toISOString(),
        },
      },
    ];
  },
};

/** What the ticket's first message says: one "label: value" line per field (multi-line values indented). */
export function submissionText(fields: SubmittedField[]): string {
  return fields.map((f) => `${f.label}: ${f.value.includes('\n') ? `\n  ${f.value.split('\n').join('\n  ')}` : f.value}`).join('\n');
}
