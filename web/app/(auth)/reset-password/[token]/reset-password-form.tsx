'use client';

import Link from 'next/link';
import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { confirmPasswordReset, type PasswordFormState } from '@/app/actions/password.actions';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';
import { FormError } from '@/components/ui/form-error';

const initial: PasswordFormState = {};

export function ResetPasswordForm({ token }: { token: string }) {
  const t = useTranslations('password');
  const [state, action, pending] = useActionState(confirmPasswordReset, initial);
  if (state.deadLink) {
    const title = { expired: t('dead.expiredTitle'), used: t('dead.usedTitle'), unknown: t('dead.unknownTitle') }[state.deadLink];
    const body = { expired: t('dead.expired'), used: t('dead.used'), unknown: t('dead.unknown') }[state.deadLink];
    return (
      <div className="flex flex-col gap-4">
        <h1 className="text-xl font-semibold">{title}</h1>
        <p className="text-sm text-slate-600">{body}</p>
        <Link href="/forgot-password" className="font-medium text-brand-600 hover:underline">
          {t('dead.askAgain')}
        </Link>
      </div>
    );
  }
  const fieldError = (name: string) => (state.field === name ? state.message : undefined);
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-col gap-2">
        <h1 className="text-xl font-semibold">{t('reset.title')}</h1>
        <p className="text-sm text-slate-600">{t('reset.intro')}</p>
      </div>
      <form action={action} className="flex flex-col gap-4" noValidate>
        <FormError message={state.field === 'password' || state.field === 'repeatPassword' ? undefined : state.message} />
        <input type="hidden" name="token" value={token} />
        <TextField label={t('newPassword')} name="password" type="password" autoComplete="new-password" required hint={t('policy')} error={fieldError('password')} />
        <TextField label={t('repeatPassword')} name="repeatPassword" type="password" autoComplete="new-password" required error={fieldError('repeatPassword')} />
        <Button type="submit" disabled={pending}>
          {pending ? t('reset.saving') : t('reset.submit')}
        </Button>
      </form>
    </div>
  );
}
