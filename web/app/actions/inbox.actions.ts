'use server';

import { revalidatePath } from 'next/cache';
import { send } from '@/lib/api';
import { wordedRefusal } from '@/lib/worded-refusal';

/** Closes a conversation from the inbox list (the `e` key); the API's reason when it refuses. */
export async function closeFromInbox(id: string): Promise<{ ok: boolean; message?: string }> {
  const answer = await send((api) => api.POST('/api/conversations/{id}/close', { params: { path: { id } } }));
  if (!answer.ok) return { ok: false, message: await wordedRefusal(answer) };
  revalidatePath('/inbox');
  return { ok: true };
}

/** The signed-in user opened the conversation: it stops being unread for them, up to what the page showed. */
export async function markSeen(id: string, upTo: string | null): Promise<void> {
  const answer = await send((api) => api.POST('/api/conversations/{id}/seen', { params: { path: { id } }, body: upTo ? { upTo } : {} }));
  if (answer.ok) revalidatePath('/inbox');
}
