'use server';

import { getTranslations } from 'next-intl/server';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { send } from '@/lib/api';
import { text, type FormState } from './form-state';
import { refusedForm, wordedRefusal } from '@/lib/worded-refusal';

const LIST = '/settings/saved-replies';
/** How much of a body the picker shows under each name. */
const PREVIEW = 140;
/** The picker shows the best matches; typing narrows the rest. */
const PICKER_SIZE = 30;

export async function createSavedReply(_: FormState, form: FormData): Promise<FormState> {
  const answer = await send((api) => api.POST('/api/saved-replies', { body: { name: text(form, 'name'), body: text(form, 'body') } }));
  if (!answer.ok) return refusedForm(answer, form);
  revalidatePath(LIST);
  const t = await getTranslations('composer.savedReplies');
  return { done: true, message: t('savedNamed', { name: answer.body.name }) };
}

export async function updateSavedReply(_: FormState, form: FormData): Promise<FormState> {
  const id = text(form, 'id');
  const answer = await send((api) =>
    api.PATCH('/api/saved-replies/{id}', { params: { path: { id } }, body: { name: text(form, 'name'), body: text(form, 'body') } }),
  );
  if (!answer.ok) return refusedForm(answer, form);
  revalidatePath(LIST);
  revalidatePath(`${LIST}/${id}`);
  const t = await getTranslations('composer.savedReplies');
  return { done: true, message: t('saved'), values: { name: answer.body.name, body: answer.body.body } };
}

export async function deleteSavedReply(_: FormState, form: FormData): Promise<FormState> {
  const answer = await send((api) => api.DELETE('/api/saved-replies/{id}', { params: { path: { id: text(form, 'id') } } }));
  if (!answer.ok) return { message: await wordedRefusal(answer) };
  revalidatePath(LIST);
  redirect(LIST);
}

export interface SavedReplyChoice {
  id: string;
  name: string;
  preview: string;
}

/** What the composer's picker lists for what the agent typed: names that start with it first. */
export async function findSavedReplies(query: string): Promise<SavedReplyChoice[]> {
  const q = query.trim().slice(0, 200);
  const answer = await send((api) => api.GET('/api/saved-replies', { params: { query: q ? { q } : {} } }));
  if (!answer.ok) return [];
  const lower = q.toLowerCase();
  const rank = (name: string) => (name.toLowerCase().startsWith(lower) ? 0 : name.toLowerCase().includes(lower) ? 1 : 2);
  return [...answer.body.items]
    .sort((a, b) => rank(a.name) - rank(b.name))
    .slice(0, PICKER_SIZE)
    .map((reply) => ({ id: reply.id, name: reply.name, preview: reply.body.replace(/\s+/g, ' ').slice(0, PREVIEW) }));
}

/** A saved reply rendered for the conversation by the API (its contact, subject, and the agent asking). */
export async function renderSavedReply(conversationId: string, savedReplyId: string): Promise<{ text: string } | { message: string }> {
  const answer = await send((api) =>
    api.GET('/api/conversations/{id}/saved-replies/{savedReplyId}/rendered', { params: { path: { id: conversationId, savedReplyId } } }),
  );
  return answer.ok ? { text: answer.body.text } : { message: await wordedRefusal(answer) };
}
