'use server';

import { revalidatePath } from 'next/cache';
import { send, type AssignableRole } from '@/lib/api';
import { getTranslations } from 'next-intl/server';
import { refusedForm } from '@/lib/worded-refusal';
import { text, type FormState } from './form-state';

export async function createUser(_: FormState, form: FormData): Promise<FormState> {
  const answer = await send((api) =>
    api.POST('/api/users', {
      body: {
        name: text(form, 'name'),
        email: text(form, 'email'),
        password: text(form, 'password'),
        // As chosen on the page; the API refuses a role that cannot be given.
        role: text(form, 'role') as AssignableRole,
      },
    }),
  );
  if (!answer.ok) return refusedForm(answer, form);
  revalidatePath('/settings/users');
  return { done: true };
}

export async function updateUser(_: FormState, form: FormData): Promise<FormState> {
  const change = {
    ...(form.has('role') ? { role: text(form, 'role') as AssignableRole } : {}),
    ...(form.has('active') ? { active: text(form, 'active') === 'true' } : {}),
  };
  const answer = await send((api) => api.PATCH('/api/users/{id}', { params: { path: { id: text(form, 'userId') } }, body: change }));
  if (!answer.ok) return refusedForm(answer, form);
  revalidatePath('/settings/users');
  return { done: true };
}

export async function updateAccount(_: FormState, form: FormData): Promise<FormState> {
  const answer = await send((api) =>
    api.PATCH('/api/account', {
      body: {
        name: text(form, 'name'),
        timeZone: text(form, 'timeZone'),
        locale: text(form, 'locale'),
        // Left empty, the delay stays; any other value goes to the API, which names the rule it breaks.
        ...(text(form, 'undoSendSeconds').trim() ? { undoSendSeconds: Number(text(form, 'undoSendSeconds')) } : {}),
      },
    }),
  );
  if (!answer.ok) return refusedForm(answer, form);
  revalidatePath('/settings/account');
  return { done: true, message: (await getTranslations('actions'))('saved') };
}
