'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useEffect, useRef } from 'react';
import { initialFormState } from '@/app/actions/form-state';
import { createUser } from '@/app/actions/users.actions';
import { Button } from '@/components/ui/button';
import { SelectField, TextField } from '@/components/ui/field';
import { FormError } from '@/components/ui/form-error';
import type { Role } from '@/lib/api';

/** `roles`: those the API lets a user be given, the one to offer first first. */
export function AddUserForm({ roles }: { roles: readonly Role[] }) {
  const [state, action, pending] = useActionState(createUser, initialFormState);
  const t = useTranslations('users');
  const roleWords = useTranslations('roles');
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state.done) form.current?.reset();
  }, [state]);
  const errorFor = (field: string) => (state.field === field ? state.message : undefined);
  const typed = (field: string) => state.values?.[field];
  return (
    <form ref={form} action={action} className="flex flex-col gap-4" noValidate>
      {state.message && !state.field ? <FormError message={state.message} /> : null}
      <TextField label={t('form.name')} name="name" defaultValue={typed('name')} required error={errorFor('name')} />
      <TextField label={t('form.email')} name="email" defaultValue={typed('email')} type="email" required error={errorFor('email')} />
      <SelectField label={t('form.role')} name="role" defaultValue={typed('role') ?? roles[0]} error={errorFor('role')}>
        {roles.map((role) => (
          <option key={role} value={role}>
            {roleWords(`description.${role}`)}
          </option>
        ))}
      </SelectField>
      <TextField
        label={t('form.password')}
        name="password"
        type="password"
        autoComplete="new-password"
        required
        error={errorFor('password')}
        hint={t('form.passwordHint')}
      />
      <Button type="submit" disabled={pending}>
        {pending ? t('form.adding') : t('form.add')}
      </Button>
      {state.done ? (
        <p role="status" className="text-sm text-emerald-700">
          {t('form.added')}
        </p>
      ) : null}
    </form>
  );
}
