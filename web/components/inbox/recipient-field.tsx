'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';

/**
 * Addresses as removable chips: type one and press Enter or a comma (or leave the box) to add it,
 * Backspace in the empty box removes the last. Each chip is a hidden input named `name`, so the form
 * sends them as a list. Whether an address is acceptable is the API's rule: the chip it refused
 * (`invalid`) is marked, and the composer shows the API's reason.
 */
export function RecipientField({
  id,
  name,
  label,
  value,
  onChange,
  invalid = null,
}: {
  id: string;
  name: string;
  label: string;
  value: readonly string[];
  onChange: (next: string[]) => void;
  /** The address the API named as not acceptable, if any. */
  invalid?: string | null;
}) {
  const t = useTranslations('composer.recipientField');
  const [typed, setTyped] = useState('');
  const add = (raw: string) => {
    const entries = raw.split(/[,;\s]+/).map((entry) => entry.trim()).filter((entry) => entry !== '');
    const fresh = entries.filter((entry) => !value.some((existing) => existing.toLowerCase() === entry.toLowerCase()));
    if (fresh.length > 0) onChange([...value, ...fresh]);
    setTyped('');
  };
  return (
    <div className="flex min-w-0 flex-wrap items-center gap-1" data-testid={`recipients-${name}`}>
      {value.map((address) => (
        <span
          key={address}
          className={`inline-flex items-center gap-1 rounded-full px-2 py-0.5 text-xs ${
            address === invalid ? 'bg-rose-100 text-rose-800 ring-1 ring-rose-400' : 'bg-slate-100 text-slate-800'
          }`}
          data-testid="recipient-chip"
          data-invalid={address === invalid || undefined}
        >
          {address}
          <input type="hidden" name={name} value={address} />
          <button
            type="button"
            aria-label={t('remove', { address, field: label })}
            className="rounded-full px-1 text-slate-500 hover:bg-slate-200 hover:text-slate-800 focus:outline-none focus:ring-2 focus:ring-brand-500/40"
            onClick={() => onChange(value.filter((existing) => existing !== address))}
          >
            ×
          </button>
        </span>
      ))}
      <input
        id={id}
        type="text"
        inputMode="email"
        autoComplete="off"
        value={typed}
        aria-label={label}
        aria-invalid={invalid !== null}
        placeholder={value.length === 0 ? t('placeholder') : ''}
        className="min-w-[10rem] flex-1 rounded-md border border-transparent px-1 py-0.5 text-sm hover:border-slate-200 focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-500/30"
        onChange={(event) => {
          const next = event.target.value;
          if (/[,;]/.test(next)) add(next);
          else setTyped(next);
        }}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && !(event.metaKey || event.ctrlKey)) {
            // Enter adds the address; it never sends the reply from here.
            event.preventDefault();
            add(typed);
          } else if (event.key === 'Backspace' && typed === '' && value.length > 0) {
            onChange(value.slice(0, -1));
          }
        }}
        onBlur={() => add(typed)}
      />
    </div>
  );
}
