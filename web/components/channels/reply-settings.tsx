'use client';

import { useOptimistic, useState, useTransition } from 'react';
import { saveReplySettings } from '@/app/actions/channels.actions';
import { Switch } from '@/components/ui/switch';

type ReplySubject = 'thread' | 'default';

const SUBJECT_CHOICES: Array<{ value: ReplySubject; label: string; hint: string }> = [
  { value: 'thread', label: 'Re: and the customer’s subject', hint: 'Their mail client keeps the reply in the same thread.' },
  { value: 'default', label: 'The default subject line', hint: 'Every email reply starts with the subject above.' },
];

/**
 * How email replies begin and end: the subject a reply to an email starts with, and whether the
 * message answered is quoted below it. Each choice saves at once and shows the API's reason when refused.
 */
export function ReplySettings({ replySubject, quoteHistory, canChange }: { replySubject: ReplySubject; quoteHistory: boolean; canChange: boolean }) {
  const [settings, setOptimistic] = useOptimistic({ replySubject, quoteHistory });
  const [error, setError] = useState<string>();
  const [, startTransition] = useTransition();
  const save = (change: Partial<typeof settings>) =>
    startTransition(async () => {
      setOptimistic({ ...settings, ...change });
      const result = await saveReplySettings(change);
      setError(result.done ? undefined : result.message);
    });

  return (
    <div className="flex max-w-2xl flex-col gap-5">
      <fieldset className="flex flex-col gap-2" disabled={!canChange}>
        <legend className="mb-1 text-sm font-medium">Subject of replies to an email</legend>
        {SUBJECT_CHOICES.map((choice) => (
          <label key={choice.value} className="flex items-start gap-3 text-sm">
            <input
              type="radio"
              name="replySubject"
              value={choice.value}
              checked={settings.replySubject === choice.value}
              onChange={() => save({ replySubject: choice.value })}
              className="mt-1 accent-brand-600"
            />
            <span>
              <span className="block font-medium text-slate-800">{choice.label}</span>
              <span className="block text-slate-500">{choice.hint}</span>
            </span>
          </label>
        ))}
        <p className="text-sm text-slate-500">Conversations that began in chat or with a form always get the default subject line.</p>
      </fieldset>
      <div className="flex items-start justify-between gap-6">
        <div className="text-sm">
          <span className="block font-medium text-slate-800">
            Quote the message answered
          </span>
          <span className="block text-slate-500">Below each email reply, as mail clients do, with the date and the sender’s name.</span>
        </div>
        <Switch label="Quote the message answered" checked={settings.quoteHistory} disabled={!canChange} onChange={(next) => save({ quoteHistory: next })} />
      </div>
      {error ? (
        <p role="alert" className="text-sm text-rose-600">
          {error}
        </p>
      ) : null}
    </div>
  );
}
