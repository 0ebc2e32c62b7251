'use server';

import { revalidatePath } from 'next/cache';
import { send } from '@/lib/api';
import { getTranslations } from 'next-intl/server';
import { refusedForm } from '@/lib/worded-refusal';
import { text, type FormState } from './form-state';

/** The signed-in user's signature; the rest of the profile (name, language, password) is to join as sections of its own. */
export async function saveSignature(_: FormState, form: FormData): Promise<FormState> {
  const answer = await send((api) => api.PATCH('/api/me', { body: { signature: text(form, 'signature') } }));
  if (!answer.ok) return refusedForm(answer, form);
  revalidatePath('/', 'layout');
  return { done: true, message: (await getTranslations('actions'))('signatureSaved') };
}
