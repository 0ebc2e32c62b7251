import 'server-only';
import { getTranslations } from 'next-intl/server';
import { typedValues, type FormState } from '@/app/actions/form-state';
import { refusalMessage, type ErrorsTranslator, type Refusal } from './refusal-message';

/** For server actions: the API's refusal as a sentence in the signed-in user's (or the visitor's) language. */
export async function wordedRefusal(refusal: Refusal): Promise<string> {
  return refusalMessage((await getTranslations('errors')) as unknown as ErrorsTranslator, refusal);
}

/**
 * The state of a form the API refused: the worded reason, its field, and what was typed (never
 * passwords), so the form shows the sentence beside the field and keeps the input.
 */
export async function refusedForm(answer: Refusal, form?: FormData): Promise<FormState> {
  return { message: await wordedRefusal(answer), field: answer.field, ...(form ? { values: typedValues(form) } : {}) };
}
