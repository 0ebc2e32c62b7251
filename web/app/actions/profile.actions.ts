'use server';

import { revalidatePath } from 'next/cache';
import { send, type Me } from '@/lib/api';
import { refused, text, type FormState } from './form-state';

/** The signed-in user's name and language; the pages speak the new language from the next render on. */
export async function saveProfileDetails(_: FormState, form: FormData): Promise<FormState> {
  // The API judges the language (422 naming the field); the cast only satisfies its typed client.
  const language = text(form, 'language') as Me['language'];
  const answer = await send((api) => api.PATCH('/api/me', { body: { name: text(form, 'name'), language } }));
  if (!answer.ok) return refused(answer, form);
  revalidatePath('/', 'layout');
  return { done: true };
}

/** The signed-in user's signature. */
export async function saveSignature(_: FormState, form: FormData): Promise<FormState> {
  const answer = await send((api) => api.PATCH('/api/me', { body: { signature: text(form, 'signature') } }));
  if (!answer.ok) return refused(answer, form);
  revalidatePath('/', 'layout');
  return { done: true, message: 'Signature saved' };
}
