/**
 * What the hosted form page says when the API sent a visitor back with `?error=<code>&field=<name>`.
 * Anyone can write that address, so the page shows only these fixed sentences, never text from
 * the query. The codes are the API's (forms context, SUBMISSION_REFUSALS and TooManySubmissions).
 */
const FIELD_SENTENCES: Record<string, string> = {
  'FORMS.FIELD_REQUIRED': 'Please fill in this field.',
  'FORMS.FIELD_NOT_EMAIL': 'Please enter an email address, such as name@example.com.',
  'FORMS.FIELD_NOT_PHONE': 'Please enter a phone number: digits, spaces and + - ( ) . /',
  'FORMS.FIELD_NOT_A_CHOICE': 'Please choose one of the options.',
  'FORMS.FIELD_TOO_LONG': 'This is too long; please shorten it.',
  'FORMS.FIELD_NOT_ONE_LINE': 'Please keep this to one line.',
  'FORMS.FIELD_NOT_SINGLE': 'Please give one value here.',
  'FORMS.FIELD_NOT_TEXT': 'Please give text here.',
};

const FORM_SENTENCES: Record<string, string> = {
  'FORMS.TOO_MANY_SUBMISSIONS': 'Too many messages were sent from your network. Please try again in a few minutes.',
};

const FALLBACK = 'Your message could not be sent. Please check the form and try again.';

/** The sentence to show and the field it belongs to (one of the form's own), or null when nothing went wrong. */
export function submissionError(code: string | undefined, field: string | undefined, fieldNames: readonly string[]): { field: string | null; message: string } | null {
  if (!code) return null;
  const ownField = field && fieldNames.includes(field) ? field : null;
  if (ownField && Object.hasOwn(FIELD_SENTENCES, code)) return { field: ownField, message: FIELD_SENTENCES[code] };
  return { field: null, message: Object.hasOwn(FORM_SENTENCES, code) ? FORM_SENTENCES[code] : FALLBACK };
}
