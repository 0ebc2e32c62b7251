'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { signUp } from '@/app/actions/session.actions';
import { initialFormState } from '@/app/actions/form-state';
import { Button } from '@/components/ui/button';
import { SelectField, TextField } from '@/components/ui/field';
import { FormError } from '@/components/ui/form-error';

export function SignUpForm({ defaultTimeZone }: { defaultTimeZone: string }) {
  const [state, action, pending] = useActionState(signUp, initialFormState);
  const errorFor = (field: string) => (state.field === field ? state.message : undefined);
  const typed = (field: string) => state.values?.[field];
  const t = useTranslations('auth');
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      {state.message && !state.field ? <FormError message={state.message} /> : null}
      <TextField label={t('signup.accountName')} name="accountName" defaultValue={typed('accountName')} autoComplete="organization" required error={errorFor('accountName')} />
      <TextField label={t('signup.ownerName')} name="ownerName" defaultValue={typed('ownerName')} autoComplete="name" required error={errorFor('ownerName')} />
      <TextField label={t('signup.email')} name="email" defaultValue={typed('email')} type="email" autoComplete="email" required error={errorFor('email')} />
      <TextField
        label={t('password')}
        name="password"
        type="password"
        autoComplete="new-password"
        required
        error={errorFor('password')}
        hint={t('signup.passwordHint')}
      />
      <SelectField label={t('signup.plan')} name="plan" defaultValue={typed('plan') ?? 'trial'} error={errorFor('plan')}>
        <option value="trial">{t('signup.trial')}</option>
        <option value="seats">{t('signup.seats')}</option>
      </SelectField>
      <input type="hidden" name="timeZone" value={defaultTimeZone} />
      <Button type="submit" disabled={pending}>
        {pending ? t('signup.pending') : t('signup.submit')}
      </Button>
    </form>
  );
}
