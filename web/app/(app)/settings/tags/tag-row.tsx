'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useState, type ReactNode } from 'react';
import { initialFormState } from '@/app/actions/form-state';
import { deleteTag, renameTag } from '@/app/actions/tags.actions';
import { Button } from '@/components/ui/button';
import type { Tag } from '@/lib/api';

/** One tag: its name (renamed in place), its numbers, and a delete that asks first. */
export function TagRow({ tag, counts }: { tag: Tag; counts: ReactNode }) {
  const [renameState, rename, renaming] = useActionState(renameTag, initialFormState);
  const [deleteState, remove, deleting] = useActionState(deleteTag, initialFormState);
  const [confirming, setConfirming] = useState(false);
  const error = renameState.message ?? deleteState.message;
  const t = useTranslations('tagsPage');
  return (
    <div className="flex flex-wrap items-center justify-between gap-3">
      <form action={rename} className="flex items-center gap-2">
        <input type="hidden" name="id" value={tag.id} />
        <label className="sr-only" htmlFor={`tag-${tag.id}`}>
          {t('nameOf', { name: tag.name })}
        </label>
        <input
          id={`tag-${tag.id}`}
          name="name"
          defaultValue={renameState.values?.name ?? tag.name}
          key={tag.name}
          maxLength={40}
          required
          className="w-56 rounded-md border border-slate-300 px-2 py-1.5 text-sm focus:border-brand-500"
        />
        <Button type="submit" variant="secondary" disabled={renaming}>
          {t('rename')}
        </Button>
      </form>
      <div className="flex items-center gap-3">
        {counts}
        {confirming ? (
          <form action={remove} className="flex items-center gap-2" role="group" aria-label={t('deleteQuestion', { name: tag.name })}>
            <input type="hidden" name="id" value={tag.id} />
            <span className="text-sm text-slate-700">
              {t('deleteConfirm', { name: tag.name, count: tag.conversations })}
            </span>
            <Button type="submit" variant="danger" disabled={deleting}>
              {t('deleteTag')}
            </Button>
            <Button type="button" variant="ghost" onClick={() => setConfirming(false)}>
              {t('cancel')}
            </Button>
          </form>
        ) : (
          <Button type="button" variant="danger" onClick={() => setConfirming(true)}>
            {t('delete')}
          </Button>
        )}
      </div>
      {error ? (
        <p role="alert" className="w-full text-sm text-rose-600">
          {error}
        </p>
      ) : null}
    </div>
  );
}
