'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { logIn } from '@/app/actions/session.actions';
import { initialFormState } from '@/app/actions/form-state';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';
import { FormError } from '@/components/ui/form-error';

export function LoginForm({ next }: { next?: string }) {
  const [state, action, pending] = useActionState(logIn, initialFormState);
  const t = useTranslations('auth');
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      <FormError message={state.message} />
      <TextField label={t('email')} name="email" defaultValue={state.values?.email} type="email" autoComplete="email" required />
      <TextField label={t('password')} name="password" type="password" autoComplete="current-password" required />
      {next ? <input type="hidden" name="next" value={next} /> : null}
      <Button type="submit" disabled={pending}>
        {pending ? t('login.pending') : t('login.submit')}
      </Button>
    </form>
  );
}
