'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { requestPasswordReset, type PasswordFormState } from '@/app/actions/password.actions';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';
import { FormError } from '@/components/ui/form-error';

const initial: PasswordFormState = {};

export function ForgotPasswordForm() {
  const t = useTranslations('password');
  const [state, action, pending] = useActionState(requestPasswordReset, initial);
  if (state.done) {
    // The same words whether or not the address has a user: the page must not tell.
    return (
      <p role="status" className="rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-800">
        {t('forgot.sent')}
      </p>
    );
  }
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      <FormError message={state.field === 'email' ? undefined : state.message} />
      <TextField
        label={t('forgot.email')}
        name="email"
        type="email"
        autoComplete="email"
        required
        defaultValue={state.values?.email}
        error={state.field === 'email' ? state.message : undefined}
      />
      <Button type="submit" disabled={pending}>
        {pending ? t('forgot.sending') : t('forgot.submit')}
      </Button>
    </form>
  );
}
