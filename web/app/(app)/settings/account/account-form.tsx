'use client';

import { useActionState } from 'react';
import { initialFormState } from '@/app/actions/form-state';
import { updateAccount } from '@/app/actions/users.actions';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';
import { FormError } from '@/components/ui/form-error';
import type { Account } from '@/lib/api';

export function AccountForm({ account }: { account: Account }) {
  const [state, action, pending] = useActionState(updateAccount, initialFormState);
  const errorFor = (field: string) => (state.field === field ? state.message : undefined);
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      {state.message && !state.field && !state.done ? <FormError message={state.message} /> : null}
      <TextField label="Account name" name="name" defaultValue={account.name} error={errorFor('name')} />
      <TextField label="Time zone" name="timeZone" defaultValue={account.timeZone} error={errorFor('timeZone')} hint="IANA name, such as Europe/Berlin." />
      <TextField label="Locale" name="locale" defaultValue={account.locale} error={errorFor('locale')} hint="Language tag, such as en or de-CH." />
      <TextField
        label="Undo send (seconds)"
        name="undoSendSeconds"
        type="number"
        min={0}
        max={60}
        step={1}
        defaultValue={account.undoSendSeconds}
        error={errorFor('undoSendSeconds')}
        hint="How long a reply waits before it goes out, so its author can take it back: 0 to 60."
      />
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={pending}>
          Save
        </Button>
        {state.done ? (
          <span role="status" className="text-sm text-emerald-700">
            Saved
          </span>
        ) : null}
      </div>
    </form>
  );
}
