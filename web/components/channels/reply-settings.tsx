'use client';

import { useOptimistic, useState, useTransition } from 'react';
import { saveReplySettings } from '@/app/actions/channels.actions';
import { useTranslations } from 'next-intl';
import { Switch } from '@/components/ui/switch';

type ReplySubject = 'thread' | 'default';

const SUBJECT_CHOICES: readonly ReplySubject[] = ['thread', 'default'];

/**
 * How email replies begin and end: the subject a reply to an email starts with, and whether the
 * message answered is quoted below it. Each choice saves at once and shows the API's reason when refused.
 */
export function ReplySettings({ replySubject, quoteHistory, canChange }: { replySubject: ReplySubject; quoteHistory: boolean; canChange: boolean }) {
  const [settings, setOptimistic] = useOptimistic({ replySubject, quoteHistory });
  const [error, setError] = useState<string>();
  const [, startTransition] = useTransition();
  const t = useTranslations('channels');
  const save = (change: Partial<typeof settings>) =>
    startTransition(async () => {
      setOptimistic({ ...settings, ...change });
      const result = await saveReplySettings(change);
      setError(result.done ? undefined : result.message);
    });

  return (
    <div className="flex max-w-2xl flex-col gap-5">
      <fieldset className="flex flex-col gap-2" disabled={!canChange}>
        <legend className="mb-1 text-sm font-medium">{t('replies.subjectLegend')}</legend>
        {SUBJECT_CHOICES.map((choice) => (
          <label key={choice} className="flex items-start gap-3 text-sm">
            <input
              type="radio"
              name="replySubject"
              value={choice}
              checked={settings.replySubject === choice}
              onChange={() => save({ replySubject: choice })}
              className="mt-1 accent-brand-600"
            />
            <span>
              <span className="block font-medium text-slate-800">{t(`replies.subjectLabel.${choice}`)}</span>
              <span className="block text-slate-500">{t(`replies.subjectHint.${choice}`)}</span>
            </span>
          </label>
        ))}
        <p className="text-sm text-slate-500">{t('replies.otherChannels')}</p>
      </fieldset>
      <div className="flex items-start justify-between gap-6">
        <div className="text-sm">
          <span className="block font-medium text-slate-800">
            {t('replies.quote')}
          </span>
          <span className="block text-slate-500">{t('replies.quoteHint')}</span>
        </div>
        <Switch label={t('replies.quote')} checked={settings.quoteHistory} disabled={!canChange} onChange={(next) => save({ quoteHistory: next })} />
      </div>
      {error ? (
        <p role="alert" className="text-sm text-rose-600">
          {error}
        </p>
      ) : null}
    </div>
  );
}
