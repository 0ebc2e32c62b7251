'use server';

import { redirect } from 'next/navigation';
import { adoptSessionCookie, send } from '@/lib/api';
import { safeNextPath } from '@/lib/safe-next-path';
import { refusedForm } from '@/lib/worded-refusal';
import { text, type FormState } from './form-state';

export async function signUp(_: FormState, form: FormData): Promise<FormState> {
  const answer = await send((api) =>
    api.POST('/api/accounts', {
      body: {
        accountName: text(form, 'accountName'),
        ownerName: text(form, 'ownerName'),
        email: text(form, 'email'),
        password: text(form, 'password'),
        // As chosen on the page; the API refuses a plan it does not offer.
        plan: (text(form, 'plan') || 'trial') as 'trial' | 'seats',
        timeZone: text(form, 'timeZone') || undefined,
      },
    }),
  );
  if (!answer.ok) return refusedForm(answer, form);
  await adoptSessionCookie(answer.setCookie);
  redirect('/inbox');
}

export async function logIn(_: FormState, form: FormData): Promise<FormState> {
  const answer = await send((api) => api.POST('/api/auth/login', { body: { email: text(form, 'email'), password: text(form, 'password') } }));
  if (!answer.ok) return refusedForm(answer, form);
  await adoptSessionCookie(answer.setCookie);
  redirect(safeNextPath(text(form, 'next')) ?? '/inbox');
}

export async function logOut(): Promise<void> {
  const answer = await send((api) => api.POST('/api/auth/logout'));
  // not words for people: a cookie header
  await adoptSessionCookie(answer.ok ? answer.setCookie : 'inbox_session=; Max-Age=0');
  redirect('/login');
}
