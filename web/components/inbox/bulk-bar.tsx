'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState, useTransition } from 'react';
import { actOnSelection } from '@/app/actions/bulk.actions';
import { Button } from '@/components/ui/button';
import type { BulkAction, BulkDetails } from '@/lib/api';
import { bulkSummary, type BulkDone } from '@/lib/bulk-summary';

/** What the inbox page gives the list when the user may manage conversations. */
export interface BulkProps {
  assignees: Array<{ userId: string; name: string }>;
  me: string;
  /** The account's tag names, offered when tagging. */
  tags: string[];
}

const UNASSIGN = '__unassign__';
const WAKE = '__wake__';
const SNOOZE_CHOICES = ['later-today', 'tomorrow-morning', 'next-week'] as const;
const selectClass =
  'rounded-md border border-slate-300 bg-white px-2 py-1 text-sm text-slate-700 focus:border-brand-500 focus:ring-2 focus:ring-brand-500/30 focus:outline-none';

/**
 * Above the inbox list: check all rows of the page, and act on the checked ones in one go. After an
 * action it says what happened to them, with the API's reasons for those it left or refused.
 */
export function BulkBar({
  assignees,
  me,
  tags,
  selectedIds,
  allChecked,
  someChecked,
  onCheckAll,
  onDone,
}: BulkProps & {
  selectedIds: string[];
  allChecked: boolean;
  someChecked: boolean;
  onCheckAll: (value: boolean) => void;
  onDone: () => void;
}) {
  const t = useTranslations('inbox.bulk');
  const [pending, startTransition] = useTransition();
  const [summary, setSummary] = useState<{ text: string; error: boolean } | null>(null);
  const all = useRef<HTMLInputElement>(null);
  const [tag, setTag] = useState('');
  useEffect(() => {
    if (all.current) all.current.indeterminate = someChecked;
  }, [someChecked]);

  /** `done`: what was done when the action's own word does not fit (unassigning, waking). */
  const run = (action: BulkAction, details: BulkDetails = {}, done: BulkDone = action) => {
    const ids = selectedIds;
    if (ids.length === 0 || pending) return;
    startTransition(async () => {
      const answer = await actOnSelection(ids, action, details);
      if (!answer.ok) {
        setSummary({ text: answer.message, error: true });
        return;
      }
      setSummary({ text: bulkSummary(done, answer.results, (key, values) => t(`summary.${key}`, values)), error: false });
      if (action === 'tag') setTag('');
      onDone();
    });
  };

  const none = selectedIds.length === 0;
  return (
    <div
      role="toolbar"
      aria-label={t('label')}
      className="flex min-h-11 flex-wrap items-center gap-x-3 gap-y-2 rounded-lg border border-slate-200 bg-white px-4 py-2 text-sm"
      data-testid="bulk-bar"
    >
      <label className="flex items-center gap-2 text-slate-700">
        <input ref={all} type="checkbox" checked={allChecked} onChange={(event) => onCheckAll(event.target.checked)} className="size-4 accent-brand-600" />
        {none ? t('selectAll') : t('selected', { count: selectedIds.length })}
      </label>
      {none ? null : (
        <>
          <Button type="button" variant="secondary" className="px-2.5 py-1" disabled={pending} onClick={() => run('close')}>
            {t('close')}
          </Button>
          <Button type="button" variant="secondary" className="px-2.5 py-1" disabled={pending} onClick={() => run('reopen')}>
            {t('reopen')}
          </Button>
          <label htmlFor="bulk-assign" className="sr-only">
            {t('assignLabel')}
          </label>
          <select
            id="bulk-assign"
            value=""
            disabled={pending}
            onChange={(event) => {
              const value = event.target.value;
              if (value) run('assign', { assigneeId: value === UNASSIGN ? null : value }, value === UNASSIGN ? 'unassign' : 'assign');
            }}
            className={selectClass}
          >
            <option value="">{t('assignTo')}</option>
            {assignees.map((user) => (
              <option key={user.userId} value={user.userId}>
                {user.userId === me ? t('me', { name: user.name }) : user.name}
              </option>
            ))}
            <option value={UNASSIGN}>{t('unassign')}</option>
          </select>
          <label htmlFor="bulk-snooze" className="sr-only">
            {t('snoozeLabel')}
          </label>
          <select
            id="bulk-snooze"
            value=""
            disabled={pending}
            onChange={(event) => {
              const value = event.target.value;
              if (value === WAKE) run('snooze', { until: null }, 'wake');
              else {
                const choice = SNOOZE_CHOICES.find((preset) => preset === value);
                if (choice) run('snooze', { preset: choice });
              }
            }}
            className={selectClass}
          >
            <option value="">{t('snooze')}</option>
            {SNOOZE_CHOICES.map((preset) => (
              <option key={preset} value={preset}>
                {t(`presets.${preset}`)}
              </option>
            ))}
            <option value={WAKE}>{t('wake')}</option>
          </select>
          <form
            className="flex items-center gap-1"
            onSubmit={(event) => {
              event.preventDefault();
              if (tag.trim()) run('tag', { tags: [tag.trim()] });
            }}
          >
            <label htmlFor="bulk-tag" className="sr-only">
              {t('tagLabel')}
            </label>
            <input
              id="bulk-tag"
              list="bulk-tag-names"
              value={tag}
              maxLength={40}
              disabled={pending}
              onChange={(event) => setTag(event.target.value)}
              placeholder={t('tagPlaceholder')}
              className={`${selectClass} w-32`}
            />
            <datalist id="bulk-tag-names">
              {tags.map((name) => (
                <option key={name} value={name} />
              ))}
            </datalist>
            <Button type="submit" variant="secondary" className="px-2.5 py-1" disabled={pending || !tag.trim()}>
              {t('addTag')}
            </Button>
          </form>
        </>
      )}
      <span role="status" data-testid="bulk-summary" className={`ml-auto ${summary?.error ? 'text-rose-600' : 'text-slate-600'}`}>
        {pending ? t('working') : (summary?.text ?? '')}
      </span>
    </div>
  );
}
