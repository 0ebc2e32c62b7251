'use server';

import { revalidatePath } from 'next/cache';
import { send, type BulkAction, type BulkDetails, type BulkOutcome } from '@/lib/api';
import { wordedRefusal } from '@/lib/worded-refusal';

/**
 * One action on the conversations selected in the inbox list; the API answers for each one, and
 * its reason when it refuses the whole request.
 */
export async function actOnSelection(
  ids: string[],
  action: BulkAction,
  details: BulkDetails = {},
): Promise<{ ok: true; results: BulkOutcome[] } | { ok: false; message: string }> {
  const answer = await send((api) => api.POST('/api/conversations/bulk', { body: { ids, action, ...details } }));
  if (!answer.ok) return { ok: false, message: await wordedRefusal(answer) };
  revalidatePath('/inbox');
  return { ok: true, results: answer.body.results };
}
