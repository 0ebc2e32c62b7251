'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useState } from 'react';
import { deleteSavedReply } from '@/app/actions/saved-replies.actions';
import { initialFormState } from '@/app/actions/form-state';
import { Button } from '@/components/ui/button';

/** Delete in two steps, without a browser dialog: replies already sent keep their text. */
export function DeleteSavedReply({ id, name }: { id: string; name: string }) {
  const [state, action, pending] = useActionState(deleteSavedReply, initialFormState);
  const [confirming, setConfirming] = useState(false);
  const t = useTranslations('savedRepliesPage');
  if (!confirming) {
    return (
      <Button type="button" variant="danger" onClick={() => setConfirming(true)}>
        {t('delete')}
      </Button>
    );
  }
  return (
    <form action={action} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="id" value={id} />
      <span className="text-sm text-slate-700">{t('deleteConfirm', { name })}</span>
      <Button type="submit" variant="danger" disabled={pending}>
        {pending ? t('deleting') : t('deleteForEveryone')}
      </Button>
      <Button type="button" variant="ghost" onClick={() => setConfirming(false)}>
        {t('keep')}
      </Button>
      {state.message ? (
        <p role="alert" className="text-sm text-rose-600">
          {state.message}
        </p>
      ) : null}
    </form>
  );
}
