'use server';

import { revalidatePath } from 'next/cache';
import { send } from '@/lib/api';
import { text, type FormState } from './form-state';
import { refusedForm } from '@/lib/worded-refusal';

/** Adds an internal note to the thread; the API checks its mentions and says why it refuses. */
export async function addNote(_: FormState, form: FormData): Promise<FormState> {
  const id = text(form, 'id');
  const answer = await send((api) => api.POST('/api/conversations/{id}/notes', { params: { path: { id } }, body: { text: text(form, 'text') } }));
  if (!answer.ok) return refusedForm(answer, form);
  revalidatePath(`/inbox/${id}`);
  return { done: true };
}

/** Marks the caller's notifications read: the ones named, or all of them. */
export async function markNotificationsRead(ids?: string[]): Promise<void> {
  const answer = await send((api) => api.POST('/api/notifications/read', { body: ids ? { ids } : {} }));
  if (answer.ok) revalidatePath('/', 'layout');
}
