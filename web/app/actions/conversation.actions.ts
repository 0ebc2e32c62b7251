'use server';

import { revalidatePath } from 'next/cache';
import { send, type ArrivedMessage } from '@/lib/api';
import { refused, text, type FormState } from './form-state';
import { refusedForm, wordedRefusal } from '@/lib/worded-refusal';

/** Close, reopen, take or release a conversation; the API says why when it refuses. */
export async function actOnConversation(_: FormState, form: FormData): Promise<FormState> {
  const path = { id: text(form, 'id') };
  const action = text(form, 'action');
  const answer =
    action === 'assign' || action === 'unassign'
      ? await send((api) =>
          api.POST('/api/conversations/{id}/assign', { params: { path }, body: { userId: action === 'assign' ? text(form, 'userId') || null : null } }),
        )
      : await send((api) => api.POST(action === 'close' ? '/api/conversations/{id}/close' : '/api/conversations/{id}/reopen', { params: { path } }));
  if (!answer.ok) return { message: await wordedRefusal(answer) };
  revalidatePath(`/inbox/${text(form, 'id')}`);
  revalidatePath('/inbox');
  return { done: true };
}

/** A reply the API held: what arrived after the composer caught up, to show before sending anyway. */
export interface ReplyState extends FormState {
  arrived?: ArrivedMessage[];
}

/**
 * Sends the composer's reply; the outbox delivers it, and the thread shows how that goes. With
 * `savedAt` the API holds it when someone else added to the thread since; `force` sends it anyway.
 */
export async function sendReply(_: ReplyState, form: FormData): Promise<ReplyState> {
  const id = text(form, 'id');
  const subject = text(form, 'subject').trim();
  const savedAt = text(form, 'savedAt');
  const cc = addresses(form, 'cc');
  const bcc = addresses(form, 'bcc');
  const attachmentIds = form.getAll('attachmentIds').filter((value): value is string => typeof value === 'string' && value !== '');
  const body = {
    text: text(form, 'text'),
    ...(subject ? { subject } : {}),
    ...(savedAt ? { savedAt } : {}),
    ...(text(form, 'force') === 'true' ? { force: true } : {}),
    ...(cc.length > 0 ? { cc } : {}),
    ...(bcc.length > 0 ? { bcc } : {}),
    ...(attachmentIds.length > 0 ? { attachmentIds } : {}),
  };
  const answer = await send((api) => api.POST('/api/conversations/{id}/replies', { params: { path: { id } }, body }));
  if (!answer.ok) {
    const arrived = answer.status === 409 ? (answer.refusal as { arrived?: ArrivedMessage[] } | undefined)?.arrived : undefined;
    return { ...refused(answer, form), ...(arrived ? { arrived } : {}) };
  }
  revalidatePath(`/inbox/${id}`);
  revalidatePath('/inbox');
  return { done: true };
}

/** Sends a failed reply again: the same message, with the same Message-ID. */
export async function retryReply(_: FormState, form: FormData): Promise<FormState> {
  const id = text(form, 'id');
  const answer = await send((api) =>
    api.POST('/api/conversations/{id}/messages/{messageId}/retry', { params: { path: { id, messageId: text(form, 'messageId') } } }),
  );
  if (!answer.ok) return { message: await wordedRefusal(answer) };
  revalidatePath(`/inbox/${id}`);
  return { done: true };
}

/** The addresses of a chip field: one hidden input per chip. */
const addresses = (form: FormData, name: string) => form.getAll(name).filter((value): value is string => typeof value === 'string' && value !== '');

/**
 * Forwards one message (or, without `messageId`, the conversation) to a third party with a note;
 * it is recorded and delivered like a reply, and the thread shows it.
 */
export async function forwardConversation(_: FormState, form: FormData): Promise<FormState> {
  const id = text(form, 'id');
  const messageId = text(form, 'messageId');
  const body = { to: text(form, 'to').trim(), text: text(form, 'text'), ...(messageId ? { messageIds: [messageId] } : {}) };
  const answer = await send((api) => api.POST('/api/conversations/{id}/forward', { params: { path: { id } }, body }));
  if (!answer.ok) return refusedForm(answer, form);
  revalidatePath(`/inbox/${id}`);
  return { done: true };
}
