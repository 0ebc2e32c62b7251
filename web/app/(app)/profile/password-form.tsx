'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { changePassword, type PasswordFormState } from '@/app/actions/password.actions';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';
import { FormError } from '@/components/ui/form-error';

const initial: PasswordFormState = {};
const FIELDS = ['currentPassword', 'password', 'repeatPassword'];

/** The profile's password section: the current password proves it is you; your other sessions end. */
export function PasswordForm() {
  const t = useTranslations('password');
  const [state, action, pending] = useActionState(changePassword, initial);
  const fieldError = (name: string) => (!state.done && state.field === name ? state.message : undefined);
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      <FormError message={!state.done && !FIELDS.includes(state.field ?? '') ? state.message : undefined} />
      <TextField label={t('currentPassword')} name="currentPassword" type="password" autoComplete="current-password" required error={fieldError('currentPassword')} />
      <TextField label={t('newPassword')} name="password" type="password" autoComplete="new-password" required hint={t('policy')} error={fieldError('password')} />
      <TextField label={t('repeatPassword')} name="repeatPassword" type="password" autoComplete="new-password" required error={fieldError('repeatPassword')} />
      <p className="text-xs text-slate-500">{t('profile.otherSessions')}</p>
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? t('profile.saving') : t('profile.submit')}
        </Button>
        {state.done ? (
          <p role="status" className="text-sm text-emerald-700">
            {state.message}
          </p>
        ) : null}
      </div>
    </form>
  );
}
