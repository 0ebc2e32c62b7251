'use server';

import { revalidatePath } from 'next/cache';
import { send } from '@/lib/api';
import { refused, text, type FormState } from './form-state';

/** Close, reopen, take or release a conversation; the API says why when it refuses. */
export async function actOnConversation(_: FormState, form: FormData): Promise<FormState> {
  const id = encodeURIComponent(text(form, 'id'));
  const action = text(form, 'action');
  const answer =
    action === 'assign' || action === 'unassign'
      ? await send('POST', `/conversations/${id}/assign`, { userId: action === 'assign' ? text(form, 'userId') || null : null })
      : await send('POST', `/conversations/${id}/${action === 'close' ? 'close' : 'reopen'}`, {});
  if (!answer.ok) return { message: answer.message };
  revalidatePath(`/inbox/${text(form, 'id')}`);
  revalidatePath('/inbox');
  return { done: true };
}

/** Sends the composer's reply; the outbox delivers it, and the thread shows how that goes. */
export async function sendReply(_: FormState, form: FormData): Promise<FormState> {
  const id = text(form, 'id');
  const subject = text(form, 'subject').trim();
  const answer = await send<{ messageId: string }>('POST', `/conversations/${encodeURIComponent(id)}/replies`, {
    text: text(form, 'text'),
    ...(subject ? { subject } : {}),
  });
  if (!answer.ok) return refused(answer, form);
  revalidatePath(`/inbox/${id}`);
  revalidatePath('/inbox');
  return { done: true };
}

/** Sends a failed reply again: the same message, with the same Message-ID. */
export async function retryReply(_: FormState, form: FormData): Promise<FormState> {
  const id = text(form, 'id');
  const answer = await send('POST', `/conversations/${encodeURIComponent(id)}/messages/${encodeURIComponent(text(form, 'messageId'))}/retry`, {});
  if (!answer.ok) return { message: answer.message };
  revalidatePath(`/inbox/${id}`);
  return { done: true };
}
