'use server';

import { getTranslations } from 'next-intl/server';
import { redirect } from 'next/navigation';
import { adoptSessionCookie, send } from '@/lib/api';
import { text, type FormState } from './form-state';

/** Why a reset link no longer works, as the API's stable codes say. */
export type DeadLink = 'expired' | 'used' | 'unknown';

export interface PasswordFormState extends FormState {
  deadLink?: DeadLink;
}

const deadLinks: Record<string, DeadLink> = {
  'ACCOUNTS.RESET_LINK_EXPIRED': 'expired',
  'ACCOUNTS.RESET_LINK_USED': 'used',
  'ACCOUNTS.RESET_LINK_UNKNOWN': 'unknown',
};

const codeOf = (refusal: unknown): string | undefined =>
  typeof refusal === 'object' && refusal !== null && typeof (refusal as { code?: unknown }).code === 'string' ? (refusal as { code: string }).code : undefined;

/** The API's reason in the user's language where it has a code we know; its own words otherwise. */
async function reasonOf(answer: { status: number; message: string; field?: string; refusal: unknown }): Promise<PasswordFormState> {
  const t = await getTranslations('password');
  const code = codeOf(answer.refusal);
  if (code && deadLinks[code]) return { deadLink: deadLinks[code], field: 'token' };
  if (code === 'ACCOUNTS.WRONG_PASSWORD') return { message: t('errors.wrongCurrent'), field: 'currentPassword' };
  if (code === 'ACCOUNTS.PASSWORD_WEAK' || (answer.field === 'password' && /at least/.test(answer.message))) return { message: t('errors.weak'), field: 'password' };
  if (answer.status === 429) return { message: t('errors.tooMany') };
  return { message: answer.message, field: answer.field };
}

export async function requestPasswordReset(_: PasswordFormState, form: FormData): Promise<PasswordFormState> {
  const answer = await send((api) => api.POST('/api/auth/password-reset', { body: { email: text(form, 'email') } }));
  if (!answer.ok) return { ...(await reasonOf(answer)), values: { email: text(form, 'email') } };
  return { done: true };
}

export async function confirmPasswordReset(_: PasswordFormState, form: FormData): Promise<PasswordFormState> {
  const password = text(form, 'password');
  if (password !== text(form, 'repeatPassword')) {
    const t = await getTranslations('password');
    return { message: t('errors.mismatch'), field: 'repeatPassword' };
  }
  const answer = await send((api) => api.POST('/api/auth/password-reset/confirm', { body: { token: text(form, 'token'), password } }));
  if (!answer.ok) return reasonOf(answer);
  await adoptSessionCookie(answer.setCookie);
  redirect('/inbox');
}

export async function changePassword(_: PasswordFormState, form: FormData): Promise<PasswordFormState> {
  const password = text(form, 'password');
  if (password !== text(form, 'repeatPassword')) {
    const t = await getTranslations('password');
    return { message: t('errors.mismatch'), field: 'repeatPassword' };
  }
  const answer = await send((api) => api.PATCH('/api/me', { body: { currentPassword: text(form, 'currentPassword'), password } }));
  if (!answer.ok) return reasonOf(answer);
  const t = await getTranslations('password');
  return { done: true, message: t('profile.changed') };
}
