/**
 * The web app's words for an API refusal. The API answers with a stable `code` and the `field` at
 * fault; its English `message` is for logs and scripts, never shown as it is. Each code has a
 * sentence in the `errors` catalogue (in the user's language), with the field's label where the
 * sentence names one; a code this version does not know yet falls back to a sentence naming the
 * field, or a general one. Pure: server actions pass `await getTranslations('errors')`, client
 * components `useTranslations('errors')`.
 */

/** What the API said: its answer's `code`, `field` and HTTP status, and its whole body (for the values a sentence needs). */
export interface Refusal {
  code?: string;
  field?: string;
  status?: number;
  /** The answer's body: its numbers and short texts beside the code (a DomainError's `details()`) fill the sentence. */
  refusal?: unknown;
}

/** The part of a next-intl translator for the `errors` namespace this needs. */
export interface ErrorsTranslator {
  (key: string, values?: Record<string, string | number>): string;
  has(key: string): boolean;
}

/** A code is letters, digits and underscores in at most two dot-separated parts (`CHANNEL.ADDRESS_TAKEN`, `NOT_FOUND`). */
const CODE = /^[A-Z][A-Z0-9_]{0,40}(?:\.[A-Z][A-Z0-9_]{0,40})?$/;
/** A field is a DTO property path (`fields.0.label`); anything else is not named back. */
const FIELD = /^[A-Za-z0-9_.]{1,80}$/;

/** The values a refusal's body carries besides its standard keys: numbers, and texts of at most 200 characters. */
function detailsOf(body: unknown): Record<string, string | number> {
  if (typeof body !== 'object' || body === null) return {};
  const values: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(body).slice(0, 20)) {
    if (['statusCode', 'error', 'message', 'code', 'field'].includes(key) || !/^[a-zA-Z]\w{0,40}$/.test(key)) continue;
    if (typeof value === 'number' && Number.isFinite(value)) values[key] = value;
    else if (typeof value === 'string' && value.length <= 200) values[key] = value;
  }
  return values;
}

/** The label of a field as a form shows it: its own label, else that of its last part (`fields.0.label` → Label), else its name. */
export function fieldLabel(t: ErrorsTranslator, field: string): string {
  if (t.has(`fields.${field}`)) return t(`fields.${field}`);
  const last = field.split('.').pop() ?? field;
  if (/^[A-Za-z]\w*$/.test(last) && t.has(`fields.${last}`)) return t(`fields.${last}`);
  return field;
}

/** The sentence for a refusal, in the translator's language. */
export function refusalMessage(t: ErrorsTranslator, refusal: Refusal): string {
  const field = refusal.field && FIELD.test(refusal.field) ? refusal.field : undefined;
  const values: Record<string, string | number> = { ...detailsOf(refusal.refusal), field: field ? fieldLabel(t, field) : '' };
  // The rule an input broke says more than its code (INPUT.INVALID): its own sentence, with its values.
  const rule = typeof values.rule === 'string' && /^[a-z_]{1,40}$/.test(values.rule) ? values.rule : undefined;
  if (rule && t.has(`rules.${rule}`) && (field || !t(`rules.${rule}`, { ...values, field: '\u0000' }).includes('\u0000'))) return t(`rules.${rule}`, values);
  if (refusal.code && CODE.test(refusal.code) && t.has(`codes.${refusal.code}`)) {
    // A sentence that names its field needs one; without it the generic wording says more.
    if (field || !t(`codes.${refusal.code}`, { ...values, field: '\u0000' }).includes('\u0000')) return t(`codes.${refusal.code}`, values);
  }
  if (field) return t('genericField', values);
  if (refusal.status === 401) return t('signedOut');
  if (refusal.status === 403) return t('forbidden');
  if (refusal.status === 404) return t('notFound');
  if (refusal.status === 429) return t('tooMany');
  if (refusal.status !== undefined && refusal.status >= 500) return t('serverError');
  return t('generic');
}
