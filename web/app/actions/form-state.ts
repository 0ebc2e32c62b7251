/** What a server action hands back to its form: the API's reason, and the field it is about. */
export interface FormState {
  message?: string;
  field?: string;
  done?: boolean;
  /** What was typed (never passwords), so a refused form keeps it: React resets forms after an action. */
  values?: Record<string, string>;
}

export const initialFormState: FormState = {};

export function text(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === 'string' ? value : '';
}

/** The state of a form the API refused: its reason, its field, and what was typed (minus passwords). */
export function refused(answer: { message: string; field?: string }, form: FormData): FormState {
  return { message: answer.message, field: answer.field, values: typedValues(form) };
}

/** What was typed into a form, minus passwords and React's own fields. */
export function typedValues(form: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [name, value] of form.entries()) {
    if (typeof value === 'string' && !name.toLowerCase().includes('password') && !name.startsWith('$')) values[name] = value;
  }
  return values;
}
