'use server';

import { redirect } from 'next/navigation';
import { revalidatePath } from 'next/cache';
import { adoptSessionCookie, send, type AssignableRole } from '@/lib/api';
import { text } from './form-state';
import type { InvitationFormState } from './invitation-form-state';

function refusal(answer: { message: string; field?: string; refusal: unknown }, values: Record<string, string> = {}): InvitationFormState {
  const code = (answer.refusal as { code?: unknown } | null)?.code;
  return { code: typeof code === 'string' ? code : undefined, field: answer.field, message: answer.message, values };
}

export async function inviteUser(_: InvitationFormState, form: FormData): Promise<InvitationFormState> {
  // Named apart from the create-user form's fields: both forms are on one page, and ids must be unique.
  const values = { email: text(form, 'invite-email'), role: text(form, 'invite-role') };
  // The role as chosen on the page; the API refuses one that cannot be given.
  const answer = await send((api) => api.POST('/api/invitations', { body: { email: values.email, role: values.role as AssignableRole } }));
  if (!answer.ok) return refusal(answer, values);
  revalidatePath('/settings/users');
  return { done: true };
}

export async function resendInvitation(_: InvitationFormState, form: FormData): Promise<InvitationFormState> {
  const answer = await send((api) => api.POST('/api/invitations/{id}/resend', { params: { path: { id: text(form, 'invitationId') } } }));
  if (!answer.ok) return refusal(answer);
  revalidatePath('/settings/users');
  return { done: true };
}

export async function revokeInvitation(_: InvitationFormState, form: FormData): Promise<InvitationFormState> {
  const answer = await send((api) => api.POST('/api/invitations/{id}/revoke', { params: { path: { id: text(form, 'invitationId') } } }));
  if (!answer.ok) return refusal(answer);
  revalidatePath('/settings/users');
  return { done: true };
}

/** The invitee chooses name and password; signed in, they land in the inbox. */
export async function acceptInvitation(_: InvitationFormState, form: FormData): Promise<InvitationFormState> {
  const answer = await send((api) =>
    api.POST('/api/invitations/accept', { body: { token: text(form, 'token'), name: text(form, 'name'), password: text(form, 'password') } }),
  );
  if (!answer.ok) return refusal(answer, { name: text(form, 'name') });
  await adoptSessionCookie(answer.setCookie);
  redirect('/inbox');
}
