'use client';

import { useTranslations } from 'next-intl';
import { useId } from 'react';

const inputClass = 'min-w-0 border-0 bg-transparent px-1 py-1 text-sm focus:outline-none focus:ring-0';

/**
 * A one-line template with at most one token, shown as a chip: the text around it stays editable,
 * the chip's "x" removes the token, and the add button puts it back at the end.
 */
export function TemplateField({
  label,
  name,
  value,
  onChange,
  token,
  tokenLabel,
  tokenName,
  addLabel,
  error,
}: {
  label: string;
  name: string;
  value: string;
  onChange: (value: string) => void;
  token: string;
  tokenLabel: string;
  /** The token as a sentence names it (`message timestamp`). */
  tokenName: string;
  addLabel: string;
  error?: string;
}) {
  const id = useId();
  const t = useTranslations('channels');
  const at = value.indexOf(token);
  const before = at >= 0 ? value.slice(0, at) : value;
  const after = at >= 0 ? value.slice(at + token.length) : '';
  return (
    <div className="flex flex-col gap-1.5">
      <label htmlFor={`${id}-before`} className="text-sm font-medium text-slate-700">
        {label}
      </label>
      <input type="hidden" name={name} value={value} />
      <div
        className={`flex flex-wrap items-center gap-1 rounded-md border bg-white px-2 py-1 shadow-sm focus-within:border-brand-500 focus-within:ring-2 focus-within:ring-brand-500/30 ${
          error ? 'border-rose-500' : 'border-slate-300'
        }`}
      >
        <input
          id={`${id}-before`}
          aria-invalid={Boolean(error)}
          // With a chip, the text before it hugs its content so the chip sits right after the words.
          className={`${inputClass} ${at >= 0 ? 'field-sizing-content min-w-[2ch]' : 'flex-1'}`}
          value={before}
          onChange={(event) => onChange(at >= 0 ? `${event.target.value}${token}${after}` : event.target.value)}
        />
        {at >= 0 ? (
          <>
            <span className="inline-flex items-center gap-1 rounded-full bg-brand-50 py-0.5 pr-1 pl-2.5 text-xs font-medium text-brand-700" data-testid={`${name}-chip`}>
              {tokenLabel}
              <button
                type="button"
                aria-label={t('templates.removeToken', { token: tokenName })}
                className="rounded-full px-1 text-brand-700 hover:bg-brand-100"
                onClick={() => onChange(`${before}${after}`.replace(/\s{2,}/g, ' ').trim())}
              >
                ×
              </button>
            </span>
            <input
              aria-label={t('templates.afterToken', { field: label, token: tokenName })}
              className={`${inputClass} flex-1`}
              value={after}
              onChange={(event) => onChange(`${before}${token}${event.target.value}`)}
            />
          </>
        ) : null}
      </div>
      {at < 0 ? (
        <div>
          <button type="button" className="text-sm font-medium text-brand-600 hover:underline" onClick={() => onChange(`${value.trimEnd()} ${token}`.trimStart())}>
            {addLabel}
          </button>
        </div>
      ) : null}
      {error ? <p className="text-sm text-rose-600">{error}</p> : null}
    </div>
  );
}
