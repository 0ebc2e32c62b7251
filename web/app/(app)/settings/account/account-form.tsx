'use client';

import { useTranslations } from 'next-intl';
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
  const t = useTranslations('account');
  return (
    <form action={action} className="flex flex-col gap-4" noValidate>
      {state.message && !state.field && !state.done ? <FormError message={state.message} /> : null}
      <TextField label={t('name')} name="name" defaultValue={account.name} error={errorFor('name')} />
      <TextField label={t('timeZone')} name="timeZone" defaultValue={account.timeZone} error={errorFor('timeZone')} hint={t('timeZoneHint')} />
      <TextField label={t('locale')} name="locale" defaultValue={account.locale} error={errorFor('locale')} hint={t('localeHint')} />
      <TextField
        label={t('undoSend')}
        name="undoSendSeconds"
        type="number"
        min={0}
        max={60}
        step={1}
        defaultValue={account.undoSendSeconds}
        error={errorFor('undoSendSeconds')}
        hint={t('undoSendHint')}
      />
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={pending}>
          {t('save')}
        </Button>
        {state.done ? (
          <span role="status" className="text-sm text-emerald-700">
            {t('saved')}
          </span>
        ) : null}
      </div>
    </form>
  );
}
