'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { reprocessFailedMail } from '@/app/actions/failed-mail.actions';
import { initialFormState } from '@/app/actions/form-state';
import { Button } from '@/components/ui/button';

export function ReprocessButton({ id }: { id: string }) {
  const [state, action, pending] = useActionState(reprocessFailedMail, initialFormState);
  const t = useTranslations('failedMail');
  return (
    <form action={action} className="flex flex-col items-end gap-1">
      <input type="hidden" name="id" value={id} />
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? t('reprocessing') : t('reprocess')}
      </Button>
      {state.message ? (
        <p role={state.done ? 'status' : 'alert'} className={`text-xs ${state.done ? 'text-emerald-700' : 'text-rose-600'}`}>
          {state.message}
        </p>
      ) : null}
    </form>
  );
}
