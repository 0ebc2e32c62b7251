'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { send, type FormField } from '@/lib/api';
import { getTranslations } from 'next-intl/server';
import { wordedRefusal } from '@/lib/worded-refusal';
import { text, type FormState } from './form-state';

/**
 * The editor sends the fields as one JSON value: a list of rows does not fit flat form data. They
 * go to the API as they came; it judges them.
 */
async function definition(form: FormData): Promise<{ name: string; fields: FormField[] } | { error: FormState }> {
  try {
    return { name: text(form, 'name'), fields: JSON.parse(text(form, 'fields') || '[]') as FormField[] };
  } catch {
    return { error: { message: (await getTranslations('actions'))('fieldsUnreadable'), field: 'fields' } };
  }
}

const keep = (form: FormData): Record<string, string> => ({ name: text(form, 'name'), fields: text(form, 'fields') });

export async function createForm(_: FormState, form: FormData): Promise<FormState> {
  const body = await definition(form);
  if ('error' in body) return body.error;
  const answer = await send((api) => api.POST('/api/forms', { body }));
  if (!answer.ok) return { message: await wordedRefusal(answer), field: answer.field, values: keep(form) };
  revalidatePath('/settings/forms');
  redirect(`/settings/forms/${answer.body.id}?created=1`);
}

export async function updateForm(_: FormState, form: FormData): Promise<FormState> {
  const body = await definition(form);
  if ('error' in body) return body.error;
  const id = text(form, 'formId');
  const answer = await send((api) => api.PATCH('/api/forms/{id}', { params: { path: { id } }, body }));
  if (!answer.ok) return { message: await wordedRefusal(answer), field: answer.field, values: keep(form) };
  revalidatePath('/settings/forms');
  revalidatePath(`/settings/forms/${id}`);
  return { done: true, message: (await getTranslations('actions'))('saved') };
}
