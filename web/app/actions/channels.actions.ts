'use server';

import { revalidatePath } from 'next/cache';
import { send, type EmailPreview } from '@/lib/api';
import { getTranslations } from 'next-intl/server';
import { refusedForm } from '@/lib/worded-refusal';
import { text, type FormState } from './form-state';

export async function saveEmailTemplates(_: FormState, form: FormData): Promise<FormState> {
  const answer = await send((api) =>
    api.PATCH('/api/channels/email', {
      body: { defaultSubject: text(form, 'defaultSubject'), fromName: text(form, 'fromName'), signature: text(form, 'signature') },
    }),
  );
  if (!answer.ok) return refusedForm(answer, form);
  revalidatePath('/settings/channels', 'layout');
  return { done: true, message: (await getTranslations('actions'))('saved') };
}

export async function switchEmail(enabled: boolean): Promise<FormState> {
  const answer = await send((api) => api.PATCH('/api/channels/email', { body: { enabled } }));
  if (!answer.ok) return refusedForm(answer);
  revalidatePath('/settings/channels', 'layout');
  return { done: true };
}

export async function saveReplySettings(change: { replySubject?: 'thread' | 'default'; quoteHistory?: boolean }): Promise<FormState> {
  const answer = await send((api) => api.PATCH('/api/channels/email', { body: change }));
  if (!answer.ok) return refusedForm(answer);
  revalidatePath('/settings/channels', 'layout');
  return { done: true };
}

export async function switchChat(enabled: boolean): Promise<FormState> {
  const answer = await send((api) => api.PATCH('/api/channels/chat', { body: { enabled } }));
  if (!answer.ok) return refusedForm(answer);
  revalidatePath('/settings/channels', 'layout');
  return { done: true };
}

export async function previewEmail(
  defaultSubject: string,
  fromName: string,
  signature: string,
): Promise<{ ok: true; preview: EmailPreview } | { ok: false; message: string; field?: string }> {
  const answer = await send((api) => api.POST('/api/channels/email/preview', { body: { defaultSubject, fromName, signature } }));
  if (answer.ok) return { ok: true, preview: answer.body };
  const refusal = await refusedForm(answer);
  return { ok: false, message: refusal.message ?? '', field: answer.field };
}

export async function claimForwardingAddress(_: FormState, form: FormData): Promise<FormState> {
  const answer = await send((api) =>
    api.POST('/api/channels/email/forwarding-address', { body: { username: text(form, 'username'), subdomain: text(form, 'subdomain') } }),
  );
  if (!answer.ok) return refusedForm(answer, form);
  revalidatePath('/settings/channels', 'layout');
  return { done: true };
}

export async function switchPlainTextOnly(plainTextOnly: boolean): Promise<FormState> {
  const answer = await send((api) => api.PATCH('/api/channels/email', { body: { plainTextOnly } }));
  if (!answer.ok) return refusedForm(answer);
  revalidatePath('/settings/channels', 'layout');
  revalidatePath('/inbox', 'layout');
  return { done: true };
}
