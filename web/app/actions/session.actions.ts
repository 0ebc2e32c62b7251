'use server';

import { redirect } from 'next/navigation';
import { adoptSessionCookie, send } from '@/lib/api';
import { safeNextPath } from '@/lib/safe-next-path';
import { refused, text, type FormState } from './form-state';

export async function signUp(_: FormState, form: FormData): Promise<FormState> {
  const answer = await send<{ accountId: string }>('POST', '/accounts', {
    accountName: text(form, 'accountName'),
    ownerName: text(form, 'ownerName'),
    email: text(form, 'email'),
    password: text(form, 'password'),
    plan: text(form, 'plan') || 'trial',
    timeZone: text(form, 'timeZone') || undefined,
  });
  if (!answer.ok) return refused(answer, form);
  await adoptSessionCookie(answer.setCookie);
  redirect('/inbox');
}

export async function logIn(_: FormState, form: FormData): Promise<FormState> {
  const answer = await send('POST', '/auth/login', { email: text(form, 'email'), password: text(form, 'password') });
  if (!answer.ok) return refused(answer, form);
  await adoptSessionCookie(answer.setCookie);
  redirect(safeNextPath(text(form, 'next')) ?? '/inbox');
}

export async function logOut(): Promise<void> {
  const answer = await send('POST', '/auth/logout', {});
  await adoptSessionCookie(answer.ok ? answer.setCookie : 'inbox_session=; Max-Age=0');
  redirect('/login');
}
