'use server';

import { revalidatePath } from 'next/cache';
import { send } from '@/lib/api';
import { getTranslations } from 'next-intl/server';
import { refusedForm } from '@/lib/worded-refusal';
import { text, type FormState } from './form-state';

export async function reprocessFailedMail(_: FormState, form: FormData): Promise<FormState> {
  const answer = await send((api) => api.POST('/api/failed-mail/{id}/reprocess', { params: { path: { id: text(form, 'id') } } }));
  if (!answer.ok) return refusedForm(answer);
  revalidatePath('/failed-mail');
  const t = await getTranslations('actions');
  return answer.body.status === 'accepted' ? { done: true, message: t('delivered') } : { message: t('stillFailing', { reason: answer.body.reason ?? '' }) };
}
