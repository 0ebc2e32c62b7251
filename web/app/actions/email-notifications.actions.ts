'use server';

import { revalidatePath } from 'next/cache';
import { send } from '@/lib/api';
import { type FormState } from './form-state';
import { refusedForm } from '@/lib/worded-refusal';

const KINDS = ['mention', 'assignment', 'replyFailed'] as const;

/** Which notifications the signed-in user gets by email: a checked box is on, an unchecked one off. */
export async function saveEmailNotifications(_: FormState, form: FormData): Promise<FormState> {
  const notifications = Object.fromEntries(KINDS.map((kind) => [kind, form.get(kind) === 'on'])) as Record<(typeof KINDS)[number], boolean>;
  const answer = await send((api) => api.PATCH('/api/me', { body: { notifications } }));
  if (!answer.ok) return refusedForm(answer, form);
  revalidatePath('/profile');
  return { done: true, values: Object.fromEntries(KINDS.map((kind) => [kind, String(notifications[kind])])) };
}
