'use server';

import { getTranslations } from 'next-intl/server';
import { revalidatePath } from 'next/cache';
import { getAccount, send } from '@/lib/api';
import { wallTimeToInstant } from '@/lib/time';
import { text, type FormState } from './form-state';
import { refusedForm } from '@/lib/worded-refusal';

const PRESETS = ['later-today', 'tomorrow-morning', 'next-week'] as const;
type Preset = (typeof PRESETS)[number];

/**
 * Snoozes a conversation to a preset (the API works it out in the account's time zone), to a
 * date and time picked on the account's wall clock, or (`unsnooze`) brings it back to Open now.
 */
export async function snoozeConversation(_: FormState, form: FormData): Promise<FormState> {
  const id = text(form, 'id');
  const choice = text(form, 'snooze');
  let body: { preset: Preset } | { until: string | null };
  if (choice === 'unsnooze') body = { until: null };
  else if ((PRESETS as readonly string[]).includes(choice)) body = { preset: choice as Preset };
  else {
    const { timeZone } = await getAccount();
    const at = wallTimeToInstant(text(form, 'at'), timeZone);
    if (!at) return { message: (await getTranslations('thread.snooze'))('pickDateTime'), field: 'at' };
    body = { until: at.toISOString() };
  }
  const answer = await send((api) => api.POST('/api/conversations/{id}/snooze', { params: { path: { id } }, body }));
  if (!answer.ok) return refusedForm(answer, form);
  revalidatePath(`/inbox/${id}`);
  revalidatePath('/inbox');
  return { done: true };
}
