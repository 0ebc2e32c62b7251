'use client';

import { useOptimistic, useState, useTransition } from 'react';
import { switchChat, switchEmail } from '@/app/actions/channels.actions';
import { useTranslations } from 'next-intl';
import { Switch } from '@/components/ui/switch';

/** A channel's on/off switch that saves at once and shows the API's reason when refused. */
export function ChannelSwitch({ channel, enabled, canChange }: { channel: 'email' | 'chat'; enabled: boolean; canChange: boolean }) {
  const [optimistic, setOptimistic] = useOptimistic(enabled);
  const [error, setError] = useState<string>();
  const [, startTransition] = useTransition();
  const t = useTranslations('channels');
  const label = channel === 'email' ? t('enableEmail') : t('enableChat');
  return (
    <div className="flex flex-col items-end gap-1">
      <label className="flex items-center gap-3 text-sm font-medium">
        <span>{label}</span>
        <Switch
          label={label}
          checked={optimistic}
          disabled={!canChange}
          onChange={(next) =>
            startTransition(async () => {
              setOptimistic(next);
              const result = await (channel === 'email' ? switchEmail(next) : switchChat(next));
              setError(result.done ? undefined : result.message);
            })
          }
        />
      </label>
      {error ? (
        <p role="alert" className="text-sm text-rose-600">
          {error}
        </p>
      ) : null}
    </div>
  );
}
