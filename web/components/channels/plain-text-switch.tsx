'use client';

import { useOptimistic, useState, useTransition } from 'react';
import { switchPlainTextOnly } from '@/app/actions/channels.actions';
import { Switch } from '@/components/ui/switch';

/** The email channel's "plain text only" setting: saves at once and shows the API's reason when refused. */
export function PlainTextSwitch({ plainTextOnly, canChange }: { plainTextOnly: boolean; canChange: boolean }) {
  const [optimistic, setOptimistic] = useOptimistic(plainTextOnly);
  const [error, setError] = useState<string>();
  const [, startTransition] = useTransition();
  const label = 'Send replies as plain text only';
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
          ? 'Replies go as text only, without an HTML part: formatting marks are written out as plain text.'
          : 'Replies go formatted (bold, italic, links, lists, quotes) with a plain text alternative.'}
      </p>
      {error ? (
        <p role="alert" className="text-sm text-rose-600">
          {error}
        </p>
      ) : null}
    </div>
  );
}
