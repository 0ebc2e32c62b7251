'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { initialInvitationState } from '@/app/actions/invitation-form-state';
import { acceptInvitation } from '@/app/actions/invitations.actions';
import { useRefusalText } from '@/components/invitations/use-refusal-text';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';
import { FormError } from '@/components/ui/form-error';

export function AcceptInvitationForm({ token }: { token: string }) {
  const t = useTranslations('invitations');
  const refusal = useRefusalText();
  const [state, action, pending] = useActionState(acceptInvitation, initialInvitationState);
  const message = refusal(state);
  const errorFor = (field: string) => (state.field === field ? message : undefined);
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      {message && (state.field === undefined || state.field === 'token') ? <FormError message={message} /> : null}
      <input type="hidden" name="token" value={token} />
      <TextField label={t('accept.name')} name="name" defaultValue={state.values?.name} autoComplete="name" required error={errorFor('name')} />
      <TextField
        label={t('accept.password')}
        name="password"
        type="password"
        autoComplete="new-password"
        required
        error={errorFor('password')}
        hint={t('accept.passwordHint')}
      />
      <Button type="submit" disabled={pending}>
        {pending ? t('accept.submitting') : t('accept.submit')}
      </Button>
    </form>
  );
}
