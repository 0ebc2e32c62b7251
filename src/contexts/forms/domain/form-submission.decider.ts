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

/**
 * Why a submitted value was refused: stable codes, so the hosted page can show a fixed sentence
 * for each (it is sent there in its address, which anyone can write).
 */
export const SUBMISSION_REFUSALS = {
  notSingle: 'FORMS.FIELD_NOT_SINGLE',
  notText: 'FORMS.FIELD_NOT_TEXT',
  required: 'FORMS.FIELD_REQUIRED',
  tooLong: 'FORMS.FIELD_TOO_LONG',
  notOneLine: 'FORMS.FIELD_NOT_ONE_LINE',
  notEmail: 'FORMS.FIELD_NOT_EMAIL',
  notPhone: 'FORMS.FIELD_NOT_PHONE',
  notAChoice: 'FORMS.FIELD_NOT_A_CHOICE',
} as const;

/** The submitted values, checked against the form: the first broken rule names its field. */
export function validateSubmission(form: FormDefinition, values: Record<string, unknown>): SubmittedField[] {
  const refuse = (field: FormField, code: string, rule: string) => new InvalidInput(field.name, `${field.name} ${rule}`, code);
  return form.fields.map((field) => {
    const raw = values[field.name];
    if (Array.isArray(raw)) throw refuse(field, SUBMISSION_REFUSALS.notSingle, 'must be a single value');
    if (raw !== undefined && raw !== null && typeof raw !== 'string') throw refuse(field, SUBMISSION_REFUSALS.notText, 'must be text');
    const value = (raw ?? '').replace(/\r\n?/g, '\n').trim();
    if (!value) {
      if (field.required) throw refuse(field, SUBMISSION_REFUSALS.required, `is required (${field.label})`);
      return { name: field.name, label: field.label, value: '' };
    }
    const max = MAX_LENGTH[field.type];
    if (value.length > max) throw refuse(field, SUBMISSION_REFUSALS.tooLong, `must be at most ${max} characters`);
    if (field.type !== 'textarea' && value.includes('\n')) throw refuse(field, SUBMISSION_REFUSALS.notOneLine, 'must be one line');
    if (field.type === 'email' && !EMAIL.test(value)) throw refuse(field, SUBMISSION_REFUSALS.notEmail, 'must be an email address');
    if (field.type === 'tel' && !TEL.test(value)) throw refuse(field, SUBMISSION_REFUSALS.notPhone, 'must be a phone number (digits, spaces, + - ( ) . /)');
    if (field.type === 'select' && !field.options?.includes(value)) {
      throw refuse(field, SUBMISSION_REFUSALS.notAChoice, `must be one of: ${field.options?.join(', ')}`);
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
