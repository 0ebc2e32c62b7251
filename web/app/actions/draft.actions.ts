'use server';

import { revalidatePath } from 'next/cache';
import { send } from '@/lib/api';
import { wordedRefusal } from '@/lib/worded-refusal';

export type DraftSaveResult = { ok: true; savedAt: string | null } | { ok: false; message: string };

/**
 * Saves what the composer holds as the user's draft (an empty text throws it away). No page
 * revalidation: the composer keeps what is typed, and a reload restores it from the API.
 */
export async function saveDraft(conversationId: string, text: string, subject: string | null): Promise<DraftSaveResult> {
  const answer = await send((api) => api.PUT('/api/conversations/{id}/draft', { params: { path: { id: conversationId } }, body: { text, subject } }));
  if (!answer.ok) return { ok: false, message: await wordedRefusal(answer) };
  return { ok: true, savedAt: answer.body.draft?.savedAt ?? null };
}

export async function discardDraft(conversationId: string): Promise<DraftSaveResult> {
  const answer = await send((api) => api.DELETE('/api/conversations/{id}/draft', { params: { path: { id: conversationId } } }));
  if (!answer.ok) return { ok: false, message: await wordedRefusal(answer) };
  return { ok: true, savedAt: null };
}

export type UndoResult = { ok: true; text: string; subject: string; forward: boolean } | { ok: false; message: string };

/** Takes a reply back within the undo window: its text and subject return for the composer. */
export async function undoReply(conversationId: string, messageId: string): Promise<UndoResult> {
  const answer = await send((api) =>
    api.POST('/api/conversations/{id}/messages/{messageId}/undo', { params: { path: { id: conversationId, messageId } } }),
  );
  if (!answer.ok) return { ok: false, message: await wordedRefusal(answer) };
  revalidatePath(`/inbox/${conversationId}`);
  revalidatePath('/inbox');
  return { ok: true, text: answer.body.text, subject: answer.body.subject, forward: answer.body.forward };
}
