'use client';

import { useTranslations } from 'next-intl';
import { useRef } from 'react';

const control =
  'block w-full rounded-md border border-slate-300 bg-white px-3 py-2 font-mono text-sm shadow-sm placeholder:text-slate-400 focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-500/30 aria-[invalid=true]:border-rose-500';

/**
 * A signature: several lines of plain text with the variables of saved replies, listed below as
 * buttons that put one at the cursor. The API judges the text; its refusal shows here.
 */
export function SignatureField({
  id,
  name,
  label,
  value,
  onChange,
  variables,
  hint,
  error,
}: {
  id: string;
  name: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  variables: string[];
  hint: string;
  error?: string;
}) {
  const box = useRef<HTMLTextAreaElement>(null);
  const t = useTranslations('ui');
  const insert = (variable: string) => {
    const textarea = box.current;
    if (!textarea) return;
    textarea.setRangeText(`{{${variable}}}`, textarea.selectionStart, textarea.selectionEnd, 'end');
    onChange(textarea.value);
    textarea.focus();
  };
  return (
    <div className="flex flex-col gap-1.5">
      <label htmlFor={id} className="text-sm font-medium text-slate-700">
        {label}
      </label>
      <textarea
        ref={box}
        id={id}
        name={name}
        rows={4}
        maxLength={2000}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={Boolean(error)}
        aria-describedby={`${id}-help`}
        className={control}
      />
      {error ? (
        <p className="text-sm text-rose-600" data-testid={`${id}-error`}>
          {error}
        </p>
      ) : null}
      <div id={`${id}-help`} className="flex flex-wrap items-center gap-1.5 text-xs text-slate-500">
        <span>{hint}</span>
        {variables.map((variable) => (
          <button
            key={variable}
            type="button"
            onClick={() => insert(variable)}
            className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-slate-700 hover:bg-slate-200"
            aria-label={t('insertInto', { variable: `{{${variable}}}`, field: label })}
          >
            {`{{${variable}}}`}
          </button>
        ))}
      </div>
    </div>
  );
}
