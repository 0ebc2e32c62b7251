'use client';

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
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      {state.message && !state.field ? <FormError message={state.message} /> : null}
      <TextField label="Company or team name" name="accountName" defaultValue={typed('accountName')} autoComplete="organization" required error={errorFor('accountName')} />
      <TextField label="Your full name" name="ownerName" defaultValue={typed('ownerName')} autoComplete="name" required error={errorFor('ownerName')} />
      <TextField label="Work email" name="email" defaultValue={typed('email')} type="email" autoComplete="email" required error={errorFor('email')} />
      <TextField
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        error={errorFor('password')}
        hint="At least 12 characters."
      />
      <SelectField label="Plan" name="plan" defaultValue={typed('plan') ?? 'trial'} error={errorFor('plan')}>
        <option value="trial">Free trial</option>
        <option value="seats">Buy seats</option>
      </SelectField>
      <input type="hidden" name="timeZone" value={defaultTimeZone} />
      <Button type="submit" disabled={pending}>
        {pending ? 'Creating your account…' : 'Create account'}
      </Button>
    </form>
  );
}
