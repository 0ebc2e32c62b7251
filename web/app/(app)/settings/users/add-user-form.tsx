'use client';

import { useActionState, useEffect, useRef } from 'react';
import { initialFormState } from '@/app/actions/form-state';
import { createUser } from '@/app/actions/users.actions';
import { Button } from '@/components/ui/button';
import { SelectField, TextField } from '@/components/ui/field';
import { FormError } from '@/components/ui/form-error';
import type { Role } from '@/lib/api';
import { ROLE_DESCRIPTIONS } from '@/lib/role-labels';

/** `roles`: those the API lets a user be given, the one to offer first first. */
export function AddUserForm({ roles }: { roles: readonly Role[] }) {
  const [state, action, pending] = useActionState(createUser, initialFormState);
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state.done) form.current?.reset();
  }, [state]);
  const errorFor = (field: string) => (state.field === field ? state.message : undefined);
  const typed = (field: string) => state.values?.[field];
  return (
    <form ref={form} action={action} className="flex flex-col gap-4" noValidate>
      {state.message && !state.field ? <FormError message={state.message} /> : null}
      <TextField label="Full name" name="name" defaultValue={typed('name')} required error={errorFor('name')} />
      <TextField label="Email" name="email" defaultValue={typed('email')} type="email" required error={errorFor('email')} />
      <SelectField label="Role" name="role" defaultValue={typed('role') ?? roles[0]} error={errorFor('role')}>
        {roles.map((role) => (
          <option key={role} value={role}>
            {ROLE_DESCRIPTIONS[role]}
          </option>
        ))}
      </SelectField>
      <TextField
        label="Initial password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        error={errorFor('password')}
        hint="At least 12 characters; share it with them privately."
      />
      <Button type="submit" disabled={pending}>
        {pending ? 'Adding…' : 'Add user'}
      </Button>
      {state.done ? (
        <p role="status" className="text-sm text-emerald-700">
          User added.
        </p>
      ) : null}
    </form>
  );
}
