'use server';

import { revalidatePath } from 'next/cache';
import { send } from '@/lib/api';
import { refused, text, type FormState } from './form-state';

export async function createUser(_: FormState, form: FormData): Promise<FormState> {
  const answer = await send('POST', '/users', {
    name: text(form, 'name'),
    email: text(form, 'email'),
    password: text(form, 'password'),
    role: text(form, 'role'),
  });
  if (!answer.ok) return refused(answer, form);
  revalidatePath('/settings/users');
  return { done: true };
}

export async function updateUser(_: FormState, form: FormData): Promise<FormState> {
  const change: Record<string, unknown> = {};
  if (form.has('role')) change.role = text(form, 'role');
  if (form.has('active')) change.active = text(form, 'active') === 'true';
  const answer = await send('PATCH', `/users/${encodeURIComponent(text(form, 'userId'))}`, change);
  if (!answer.ok) return refused(answer, form);
  revalidatePath('/settings/users');
  return { done: true };
}

export async function updateAccount(_: FormState, form: FormData): Promise<FormState> {
  const answer = await send('PATCH', '/account', {
    name: text(form, 'name'),
    timeZone: text(form, 'timeZone'),
    locale: text(form, 'locale'),
  });
  if (!answer.ok) return refused(answer, form);
  revalidatePath('/settings/account');
  return { done: true, message: 'Saved' };
}
