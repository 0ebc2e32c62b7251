'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useEffect, useRef } from 'react';
import { createSavedReply, updateSavedReply } from '@/app/actions/saved-replies.actions';
import { initialFormState } from '@/app/actions/form-state';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';
import { FormError } from '@/components/ui/form-error';

const control =
  'block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm placeholder:text-slate-400 focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-500/30 aria-[invalid=true]:border-rose-500';

/**
 * Creates a saved reply, or edits one (with `id`). The variables are listed as help and a click puts
 * one at the cursor; the API judges the text and its refusal shows at the field it names.
 */
export function SavedReplyEditor({ id, initial, variables }: { id?: string; initial: { name: string; body: string }; variables: string[] }) {
  const [state, action, pending] = useActionState(id ? updateSavedReply : createSavedReply, initialFormState);
  const form = useRef<HTMLFormElement>(null);
  const body = useRef<HTMLTextAreaElement>(null);
  const values = state.values ?? initial;
  const t = useTranslations('savedRepliesPage');

  useEffect(() => {
    // A new saved reply was created: the form is ready for the next one.
    if (state.done && !id) form.current?.reset();
  }, [state, id]);

  const insert = (variable: string) => {
    const box = body.current;
    if (!box) return;
    box.setRangeText(`{{${variable}}}`, box.selectionStart, box.selectionEnd, 'end');
    box.focus();
  };
  const bodyError = state.field === 'body' ? state.message : undefined;
  const otherError = !state.done && state.message && state.field !== 'name' && state.field !== 'body' ? state.message : undefined;
  const prefix = id ? `saved-reply-${id}` : 'new-saved-reply';

  return (
    <form ref={form} action={action} className="flex flex-col gap-4" noValidate>
      {id ? <input type="hidden" name="id" value={id} /> : null}
      <FormError message={otherError} />
      <TextField
        key={`name-${values.name}`}
        label={t('name')}
        name="name"
        defaultValue={values.name}
        maxLength={80}
        required
        hint={t('nameHint')}
        error={state.field === 'name' ? state.message : undefined}
      />
      <div className="flex flex-col gap-1.5">
        <label htmlFor={`${prefix}-body`} className="text-sm font-medium text-slate-700">
          {t('text')}
        </label>
        <textarea
          key={`body-${values.body}`}
          ref={body}
          id={`${prefix}-body`}
          name="body"
          rows={8}
          required
          defaultValue={values.body}
          aria-invalid={Boolean(bodyError)}
          aria-describedby={`${prefix}-body-help`}
          className={control}
        />
        {bodyError ? (
          <p className="text-sm text-rose-600" data-testid="saved-reply-body-error">
            {bodyError}
          </p>
        ) : null}
        <div id={`${prefix}-body-help`} className="flex flex-wrap items-center gap-1.5 text-xs text-slate-500">
          <span>{t('variables')}</span>
          {variables.map((variable) => (
            <button
              key={variable}
              type="button"
              onClick={() => insert(variable)}
              className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-slate-700 hover:bg-slate-200"
              aria-label={t('insert', { variable: `{{${variable}}}` })}
            >
              {`{{${variable}}}`}
            </button>
          ))}
        </div>
      </div>
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? t('saving') : id ? t('save') : t('create')}
        </Button>
        {state.done ? (
          <p role="status" className="text-sm text-emerald-700">
            {state.message}
          </p>
        ) : null}
      </div>
    </form>
  );
}
