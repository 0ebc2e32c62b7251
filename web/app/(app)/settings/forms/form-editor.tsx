'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useState } from 'react';
import { createForm, updateForm } from '@/app/actions/forms.actions';
import { initialFormState } from '@/app/actions/form-state';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';
import { FormError } from '@/components/ui/form-error';
import type { FormField, FormFieldType } from '@/lib/api';

const TYPES: readonly FormFieldType[] = ['text', 'email', 'textarea', 'select', 'tel'];

/** A field's key from its label, until the admin types one of their own. */
const keyOf = (label: string) =>
  label
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^[^a-z]+|_+$/g, '')
    .slice(0, 40);

interface Row extends FormField {
  key: number;
  /** Options as typed, one per line. */
  optionsText: string;
}

const control =
  'block w-full rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-sm shadow-sm focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-500/30 aria-[invalid=true]:border-rose-500';

export function FormEditor({ formId, initial }: { formId?: string; initial: { name: string; fields: FormField[] } }) {
  const [state, action, pending] = useActionState(formId ? updateForm : createForm, initialFormState);
  const [name, setName] = useState(initial.name);
  const [rows, setRows] = useState<Row[]>(() => initial.fields.map((f, key) => ({ ...f, key, optionsText: (f.options ?? []).join('\n') })));
  const [nextKey, setNextKey] = useState(initial.fields.length);
  const t = useTranslations('forms.editor');

  const fields: FormField[] = rows.map(({ name: fieldName, label, type, required, optionsText }) => ({
    name: fieldName,
    label,
    type,
    required,
    ...(type === 'select' ? { options: optionsText.split('\n').map((o) => o.trim()).filter(Boolean) } : {}),
  }));
  const change = (key: number, patch: Partial<Row>) => setRows((current) => current.map((row) => (row.key === key ? { ...row, ...patch } : row)));
  const move = (index: number, by: number) =>
    setRows((current) => {
      const next = [...current];
      const [row] = next.splice(index, 1);
      next.splice(index + by, 0, row);
      return next;
    });
  const add = () => {
    setRows((current) => [...current, { key: nextKey, name: `field_${nextKey + 1}`, label: t('newField', { number: nextKey + 1 }), type: 'text', required: false, optionsText: '' }]);
    setNextKey(nextKey + 1);
  };
  // The API names fields as `fields.<index>.<property>`; the row at that index shows the reason.
  const rowError = (index: number) => (state.field?.startsWith(`fields.${index}.`) ? state.message : undefined);
  const generalError = state.message && !state.done && (!state.field || state.field === 'fields') ? state.message : undefined;

  return (
    <form action={action} className="flex flex-col gap-5" noValidate>
      {formId ? <input type="hidden" name="formId" value={formId} /> : null}
      <input type="hidden" name="fields" value={JSON.stringify(fields)} />
      <TextField label={t('name')} name="name" value={name} onChange={(e) => setName(e.target.value)} required error={state.field === 'name' ? state.message : undefined} />
      <fieldset className="flex flex-col gap-3">
        <legend className="mb-2 text-sm font-medium text-slate-700">{t('fields')}</legend>
        {generalError ? <FormError message={generalError} /> : null}
        <ol className="flex flex-col gap-3">
          {rows.map((row, index) => {
            const id = `field-${row.key}`;
            const error = rowError(index);
            return (
              <li key={row.key} className="rounded-lg border border-slate-200 bg-slate-50 p-3" data-testid="form-field-row" aria-invalid={Boolean(error)}>
                <div className="grid gap-3 sm:grid-cols-[1fr_10rem_9rem]">
                  <label className="flex flex-col gap-1 text-xs font-medium text-slate-600" htmlFor={`${id}-label`}>
                    {t('label')}
                    <input
                      id={`${id}-label`}
                      className={control}
                      value={row.label}
                      onChange={(e) => change(row.key, { label: e.target.value, ...(row.name === keyOf(row.label) || !row.name ? { name: keyOf(e.target.value) } : {}) })}
                    />
                  </label>
                  <label className="flex flex-col gap-1 text-xs font-medium text-slate-600" htmlFor={`${id}-name`}>
                    {t('key')}
                    <input id={`${id}-name`} className={`${control} font-mono`} value={row.name} onChange={(e) => change(row.key, { name: e.target.value })} />
                  </label>
                  <label className="flex flex-col gap-1 text-xs font-medium text-slate-600" htmlFor={`${id}-type`}>
                    {t('type')}
                    <select id={`${id}-type`} className={control} value={row.type} onChange={(e) => change(row.key, { type: e.target.value as FormFieldType })}>
                      {TYPES.map((type) => (
                        <option key={type} value={type}>
                          {t(`types.${type}`)}
                        </option>
                      ))}
                    </select>
                  </label>
                </div>
                {row.type === 'select' ? (
                  <label className="mt-3 flex flex-col gap-1 text-xs font-medium text-slate-600" htmlFor={`${id}-options`}>
                    {t('choices')}
                    <textarea id={`${id}-options`} rows={3} className={control} value={row.optionsText} onChange={(e) => change(row.key, { optionsText: e.target.value })} />
                  </label>
                ) : null}
                <div className="mt-3 flex flex-wrap items-center gap-3 text-sm">
                  <label className="flex items-center gap-2">
                    <input type="checkbox" checked={row.required} onChange={(e) => change(row.key, { required: e.target.checked })} />
                    {t('required')}
                  </label>
                  <span className="flex-1" />
                  <Button type="button" variant="ghost" disabled={index === 0} onClick={() => move(index, -1)} aria-label={t('moveUp', { label: row.label })}>
                    ↑
                  </Button>
                  <Button type="button" variant="ghost" disabled={index === rows.length - 1} onClick={() => move(index, 1)} aria-label={t('moveDown', { label: row.label })}>
                    ↓
                  </Button>
                  <Button type="button" variant="danger" onClick={() => setRows(rows.filter((r) => r.key !== row.key))} aria-label={t('removeField', { label: row.label })}>
                    {t('remove')}
                  </Button>
                </div>
                {error ? <p className="mt-2 text-sm text-rose-600">{error}</p> : null}
              </li>
            );
          })}
        </ol>
        <div>
          <Button type="button" variant="secondary" onClick={add}>
            {t('add')}
          </Button>
        </div>
        <p className="text-xs text-slate-500">
          {t.rich('explainer', { code: (chunks) => <code>{chunks}</code> })}
        </p>
      </fieldset>
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? t('saving') : formId ? t('save') : t('create')}
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
