'use server';

import { revalidatePath } from 'next/cache';
import { send } from '@/lib/api';
import { text, type FormState } from './form-state';

/** Close, reopen, take or release a conversation; the API says why when it refuses. */
export async function actOnConversation(_: FormState, form: FormData): Promise<FormState> {
  const id = encodeURIComponent(text(form, 'id'));
  const action = text(form, 'action');
  const answer =
    action === 'assign' || action === 'unassign'
      ? await send('POST', `/conversations/${id}/assign`, { userId: action === 'assign' ? text(form, 'userId') : null })
      : await send('POST', `/conversations/${id}/${action === 'close' ? 'close' : 'reopen'}`, {});
  if (!answer.ok) return { message: answer.message };
  revalidatePath(`/inbox/${text(form, 'id')}`);
  revalidatePath('/inbox');
  return { done: true };
}
