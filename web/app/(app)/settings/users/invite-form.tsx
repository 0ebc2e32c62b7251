'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useEffect, useRef } from 'react';
import { initialInvitationState } from '@/app/actions/invitation-form-state';
import { inviteUser } from '@/app/actions/invitations.actions';
import { useRefusalText } from '@/components/invitations/use-refusal-text';
import { Button } from '@/components/ui/button';
import { SelectField, TextField } from '@/components/ui/field';
import { FormError } from '@/components/ui/form-error';
import type { Role } from '@/lib/api';
import { ROLE_DESCRIPTIONS } from '@/lib/role-labels';

/** `roles`: those the API lets a user be given, the one to offer first first. */
export function InviteForm({ roles }: { roles: readonly Role[] }) {
  const t = useTranslations('invitations');
  const refusal = useRefusalText();
  const [state, action, pending] = useActionState(inviteUser, initialInvitationState);
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state.done) form.current?.reset();
  }, [state]);
  const message = refusal(state);
  const errorFor = (field: string) => (state.field === field ? message : undefined);
  return (
    <form ref={form} action={action} className="flex flex-col gap-4" noValidate aria-describedby="invite-description">
      <p id="invite-description" className="text-sm text-slate-600">
        {t('invite.description')}
      </p>
      {message && !state.field ? <FormError message={message} /> : null}
      <TextField label={t('invite.email')} name="invite-email" defaultValue={state.values?.email} type="email" autoComplete="off" required error={errorFor('email')} />
      <SelectField label={t('invite.role')} name="invite-role" defaultValue={state.values?.role ?? roles[0]} error={errorFor('role')}>
        {roles.map((role) => (
          <option key={role} value={role}>
            {ROLE_DESCRIPTIONS[role]}
          </option>
        ))}
      </SelectField>
      <Button type="submit" disabled={pending}>
        {pending ? t('invite.sending') : t('invite.submit')}
      </Button>
      {state.done ? (
        <p role="status" className="text-sm text-emerald-700">
          {t('invite.sent')}
        </p>
      ) : null}
    </form>
  );
}
