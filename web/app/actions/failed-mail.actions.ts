'use server';

import { revalidatePath } from 'next/cache';
import { send } from '@/lib/api';
import { text, type FormState } from './form-state';

export async function reprocessFailedMail(_: FormState, form: FormData): Promise<FormState> {
  const answer = await send((api) => api.POST('/api/failed-mail/{id}/reprocess', { params: { path: { id: text(form, 'id') } } }));
  if (!answer.ok) return { message: answer.message };
  revalidatePath('/failed-mail');
  return answer.body.status === 'accepted' ? { done: true, message: 'Delivered to the inbox' } : { message: `Still failing: ${answer.body.reason}` };
}
