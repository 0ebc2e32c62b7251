import { z } from 'zod';
import type { Decider } from '../../../shared/domain/decider';
import { DomainError, InvalidInput, NotFound } from '../../../shared/domain/domain-error';
import type { Event } from '../../../shared/domain/event-envelope';

export const FIELD_TYPES = ['text', 'email', 'textarea', 'select', 'tel'] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

export const FormField = z.object({
  /** The key a submission uses: lowercase letters, digits and underscores, starting with a letter. */
  name: z.string().min(1),
  label: z.string(),
  type: z.enum(FIELD_TYPES),
  required: z.boolean(),
  /** The choices of a select field; no other type has any. */
  options: z.array(z.string()).optional(),
});
export type FormField = z.infer<typeof FormField>;

export interface FormDefinition {
  name: string;
  fields: FormField[];
}

const FormDefinitionData = z.object({ formId: z.string().min(1), accountId: z.string().min(1), name: z.string(), fields: z.array(FormField) });
export const FormCreatedData = FormDefinitionData;
export type FormCreated = Event<'FormCreated', z.infer<typeof FormCreatedData>>;
/** The whole definition as it is now: a form is small, and a full copy keeps the read model simple. */
export const FormChangedData = FormDefinitionData;
export type FormChanged = Event<'FormChanged', z.infer<typeof FormChangedData>>;
export type FormEvent = FormCreated | FormChanged;

export type FormCommand =
  | { type: 'CreateForm'; formId: string; accountId: string; definition: FormDefinition }
  | { type: 'ChangeForm'; formId: string; accountId: string; changes: Partial<FormDefinition> };

export interface FormState {
  accountId: string | null;
  definition: FormDefinition | null;
}

export const formStream = (formId: string) => `form-${formId}`;

/**
 * The hidden field bots fill and people never see. Field names must start with a letter, so no
 * field of a form can ever take this name.
 */
export const HONEYPOT_FIELD = '_website';

const FIELD_NAME = /^[a-z][a-z0-9_]{0,39}$/;
const MAX_FIELDS = 30;
const MAX_OPTIONS = 50;
const MAX_TEXT = 100;

export class DuplicateFieldName extends DomainError {
  constructor(field: string, name: string) {
    super('FORMS.DUPLICATE_FIELD', 'invalid', `${field} repeats the field name "${name}"; each field needs its own name`, field);
  }
}

/**
 * The rules a form must keep to open tickets: a name, 1 to 30 fields with unique names, and exactly
 * one email field, required, because the email is what finds or creates the contact.
 */
export function validateDefinition(definition: FormDefinition): FormDefinition {
  const name = typeof definition.name === 'string' ? definition.name.trim() : '';
  if (!name) throw new InvalidInput('name', 'name must not be empty', undefined, { rule: 'required' });
  if (name.length > MAX_TEXT) throw new InvalidInput('name', `name must be at most ${MAX_TEXT} characters`, undefined, { rule: 'too_long', max: MAX_TEXT });
  if (!Array.isArray(definition.fields) || definition.fields.length === 0) {
    throw new InvalidInput('fields', 'fields must list at least one field', undefined, { rule: 'form_field_count', max: MAX_FIELDS });
  }
  if (definition.fields.length > MAX_FIELDS) throw new InvalidInput('fields', `fields may list at most ${MAX_FIELDS} fields`, undefined, { rule: 'form_field_count', max: MAX_FIELDS });
  const seen = new Set<string>();
  const fields = definition.fields.map((field, index): FormField => {
    const at = `fields.${index}`;
    if (typeof field.name !== 'string' || !FIELD_NAME.test(field.name)) {
      throw new InvalidInput(`${at}.name`, `${at}.name must be 1 to 40 lowercase letters, digits or underscores, starting with a letter`, undefined, { rule: 'form_field_key' });
    }
    if (seen.has(field.name)) throw new DuplicateFieldName(`${at}.name`, field.name);
    seen.add(field.name);
    const label = typeof field.label === 'string' ? field.label.trim() : '';
    if (!label) throw new InvalidInput(`${at}.label`, `${at}.label must not be empty`, undefined, { rule: 'required' });
    if (label.length > MAX_TEXT || /[\r\n]/.test(label)) {
      throw new InvalidInput(`${at}.label`, `${at}.label must be one line of at most ${MAX_TEXT} characters`, undefined, { rule: 'one_line_max', max: MAX_TEXT });
    }
    if (!FIELD_TYPES.includes(field.type)) throw new InvalidInput(`${at}.type`, `${at}.type must be one of ${FIELD_TYPES.join(', ')}`);
    if (typeof field.required !== 'boolean') throw new InvalidInput(`${at}.required`, `${at}.required must be true or false`);
    if (field.type !== 'select') {
      if (field.options !== undefined) throw new InvalidInput(`${at}.options`, `${at}.options are only for select fields`);
      return { name: field.name, label, type: field.type, required: field.required };
    }
    const options = Array.isArray(field.options) ? field.options.map((o) => (typeof o === 'string' ? o.trim() : '')) : [];
    if (options.length === 0 || options.length > MAX_OPTIONS) {
      throw new InvalidInput(`${at}.options`, `${at}.options must list 1 to ${MAX_OPTIONS} choices`, undefined, { rule: 'form_choice_count', max: MAX_OPTIONS });
    }
    if (options.some((o) => !o || o.length > MAX_TEXT)) {
      throw new InvalidInput(`${at}.options`, `${at}.options must be non-empty texts of at most ${MAX_TEXT} characters`, undefined, { rule: 'form_choice_text', max: MAX_TEXT });
    }
    if (new Set(options).size !== options.length) throw new InvalidInput(`${at}.options`, `${at}.options must not repeat a choice`, undefined, { rule: 'form_choice_repeated' });
    return { name: field.name, label, type: 'select', required: field.required, options };
  });
  const emails = fields.filter((f) => f.type === 'email');
  if (emails.length !== 1) {
    throw new InvalidInput('fields', `fields must include exactly one email field (found ${emails.length}): it finds or creates the contact`, undefined, {
      rule: 'form_one_email_field',
      found: emails.length,
    });
  }
  if (!emails[0].required) {
    throw new InvalidInput(`fields.${fields.indexOf(emails[0])}.required`, 'the email field must be required: without an address no ticket can be answered', undefined, {
      rule: 'form_email_required',
    });
  }
  return { name, fields };
}

export const formDecider: Decider<FormState, FormCommand, FormEvent> = {
  initialState: () => ({ accountId: null, definition: null }),
  evolve: (state, event) => {
    switch (event.type) {
      case 'FormCreated':
      case 'FormChanged':
        return { accountId: event.data.accountId, definition: { name: event.data.name, fields: event.data.fields } };
      default:
        return state;
    }
  },
  decide: (command, state) => {
    const { formId, accountId } = command;
    if (command.type === 'CreateForm') {
      if (state.definition) return [];
      return [{ type: 'FormCreated', data: { formId, accountId, ...validateDefinition(command.definition) } }];
    }
    // Another account's form is answered like one that does not exist.
    if (!state.definition || state.accountId !== accountId) throw new NotFound('Form');
    const next = validateDefinition({ ...state.definition, ...command.changes });
    if (JSON.stringify(next) === JSON.stringify(state.definition)) return [];
    return [{ type: 'FormChanged', data: { formId, accountId, ...next } }];
  },
};
