import { refusalMessage, type ErrorsTranslator } from './refusal-message';

/**
 * What the hosted form page says when the API sent a visitor back with `?error=<code>&field=<name>`.
 * Anyone can write that address, so the page shows only the fixed sentences of the `errors`
 * catalogue for these codes, never text from the query. The codes are the API's (forms context,
 * SUBMISSION_REFUSALS and TooManySubmissions).
 */
const FIELD_CODES = new Set([
  'FORMS.FIELD_REQUIRED',
  'FORMS.FIELD_NOT_EMAIL',
  'FORMS.FIELD_NOT_PHONE',
  'FORMS.FIELD_NOT_A_CHOICE',
  'FORMS.FIELD_TOO_LONG',
  'FORMS.FIELD_NOT_ONE_LINE',
  'FORMS.FIELD_NOT_SINGLE',
  'FORMS.FIELD_NOT_TEXT',
]);

const FORM_CODES = new Set(['FORMS.TOO_MANY_SUBMISSIONS']);

/** The sentence to show (in the visitor's language) and the field it belongs to (one of the form's own), or null when nothing went wrong. */
export function submissionError(
  code: string | undefined,
  field: string | undefined,
  fieldNames: readonly string[],
  t: ErrorsTranslator,
): { field: string | null; message: string } | null {
  if (!code) return null;
  const ownField = field && fieldNames.includes(field) ? field : null;
  if (ownField && FIELD_CODES.has(code)) return { field: ownField, message: refusalMessage(t, { code }) };
  return { field: null, message: FORM_CODES.has(code) ? refusalMessage(t, { code }) : t('formNotSent') };
}
