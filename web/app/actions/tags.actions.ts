'use server';

import { revalidatePath } from 'next/cache';
import { send } from '@/lib/api';
import { text, type FormState } from './form-state';
import { refusedForm, wordedRefusal } from '@/lib/worded-refusal';

/** Gives a conversation exactly these tags; names the account has no tag for become tags. */
export async function setConversationTags(id: string, tags: string[]): Promise<{ ok: true; tags: string[] } | { ok: false; message: string }> {
  const answer = await send((api) => api.PUT('/api/conversations/{id}/tags', { params: { path: { id } }, body: { tags } }));
  if (!answer.ok) return { ok: false, message: await wordedRefusal(answer) };
  revalidatePath(`/inbox/${id}`);
  revalidatePath('/inbox');
  return { ok: true, tags: answer.body.tags };
}

/** An admin renames a tag: every conversation carrying it shows the new name. */
export async function renameTag(_: FormState, form: FormData): Promise<FormState> {
  const id = text(form, 'id');
  const answer = await send((api) => api.PATCH('/api/tags/{id}', { params: { path: { id } }, body: { name: text(form, 'name') } }));
  if (!answer.ok) return refusedForm(answer, form);
  revalidatePath('/settings/tags');
  revalidatePath('/inbox', 'layout');
  return { done: true };
}

/** An admin deletes a tag: it leaves every conversation. */
export async function deleteTag(_: FormState, form: FormData): Promise<FormState> {
  const id = text(form, 'id');
  const answer = await send((api) => api.DELETE('/api/tags/{id}', { params: { path: { id } } }));
  if (!answer.ok) return { message: await wordedRefusal(answer) };
  revalidatePath('/settings/tags');
  revalidatePath('/inbox', 'layout');
  return { done: true };
}
