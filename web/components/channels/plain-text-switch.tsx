'use client';

import { useOptimistic, useState, useTransition } from 'react';
import { switchPlainTextOnly } from '@/app/actions/channels.actions';
import { useTranslations } from 'next-intl';
import { Switch } from '@/components/ui/switch';

/** The email channel's "plain text only" setting: saves at once and shows the API's reason when refused. */
export function PlainTextSwitch({ plainTextOnly, canChange }: { plainTextOnly: boolean; canChange: boolean }) {
  const [optimistic, setOptimistic] = useOptimistic(plainTextOnly);
  const [error, setError] = useState<string>();
  const [, startTransition] = useTransition();
  const t = useTranslations('channels');
  const label = t('format.plainTextOnly');
  return (
    <div className="flex flex-col gap-1">
      <label className="flex items-center gap-3 text-sm font-medium">
        <Switch
          label={label}
          checked={optimistic}
          disabled={!canChange}
          onChange={(next) =>
            startTransition(async () => {
              setOptimistic(next);
              const result = await switchPlainTextOnly(next);
              setError(result.done ? undefined : result.message);
            })
          }
        />
        <span>{label}</span>
      </label>
      <p className="text-sm text-slate-600">
        {optimistic
          ? t('format.plainTextHint')
          : t('format.formattedHint')}
      </p>
      {error ? (
        <p role="alert" className="text-sm text-rose-600">
          {error}
        </p>
      ) : null}
    </div>
  );
}
