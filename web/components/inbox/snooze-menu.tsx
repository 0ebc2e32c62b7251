'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useEffect, useRef, useState } from 'react';
import { snoozeConversation } from '@/app/actions/snooze.actions';
import { initialFormState } from '@/app/actions/form-state';
import { Button } from '@/components/ui/button';

const PRESETS = ['later-today', 'tomorrow-morning', 'next-week'] as const;

/**
 * Snoozing a conversation: a menu of presets and a date and time (on the account's clock), opened
 * by its button or `s` (thread-shortcuts); a snoozed one says until when, with Unsnooze.
 */
export function SnoozeMenu({ id, snoozedUntil, untilLabel }: { id: string; snoozedUntil: string | null; untilLabel: string | null }) {
  const t = useTranslations('thread.snooze');
  const [state, act, pending] = useActionState(snoozeConversation, initialFormState);
  const [open, setOpen] = useState(false);
  const menu = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (state.done) setOpen(false);
  }, [state]);
  useEffect(() => {
    if (!open) return;
    menu.current?.querySelector<HTMLButtonElement>('button[name="snooze"]')?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setOpen(false);
      // Back to the button that opened it, so the keyboard carries on from there.
      menu.current?.parentElement?.querySelector<HTMLButtonElement>('[data-snooze-toggle]')?.focus();
    };
    const onClick = (event: MouseEvent) => {
      if (!menu.current?.parentElement?.contains(event.target as Node)) setOpen(false);
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener('mousedown', onClick);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('mousedown', onClick);
    };
  }, [open]);

  return (
    <div className="relative flex items-center gap-2">
      {snoozedUntil ? (
        <form action={act} className="flex items-center gap-2">
          <input type="hidden" name="id" value={id} />
          <span className="rounded-full bg-amber-50 px-2.5 py-1 text-xs font-medium text-amber-800" data-testid="snoozed-until">
            <time dateTime={snoozedUntil}>{t('until', { until: untilLabel ?? '' })}</time>
          </span>
          <Button type="submit" name="snooze" value="unsnooze" variant="secondary" disabled={pending}>
            {t('unsnooze')}
          </Button>
        </form>
      ) : null}
      <Button type="button" variant="secondary" aria-haspopup="menu" aria-expanded={open} data-snooze-toggle disabled={pending} onClick={() => setOpen(!open)}>
        {snoozedUntil ? t('again') : t('snooze')}
      </Button>
      {open ? (
        <div ref={menu} role="menu" aria-label={t('menu')} className="absolute top-full right-0 z-20 mt-2 w-72 rounded-lg border border-slate-200 bg-white p-2 shadow-lg">
          <form action={act} className="flex flex-col">
            <input type="hidden" name="id" value={id} />
            {PRESETS.map((preset) => (
              <button
                key={preset}
                type="submit"
                role="menuitem"
                name="snooze"
                value={preset}
                disabled={pending}
                className="flex items-baseline justify-between rounded-md px-3 py-2 text-left text-sm text-slate-800 hover:bg-slate-100 focus:bg-slate-100 focus:outline-none"
              >
                {t(`presets.${preset}`)}
                <span className="text-xs text-slate-500">{t(`hints.${preset}`)}</span>
              </button>
            ))}
          </form>
          <form action={act} className="mt-2 flex flex-col gap-2 border-t border-slate-100 px-3 pt-3 pb-1">
            <input type="hidden" name="id" value={id} />
            <label htmlFor="snooze-at" className="text-xs font-medium text-slate-600">
              {t('at')}
            </label>
            <div className="flex items-center gap-2">
              <input
                id="snooze-at"
                name="at"
                type="datetime-local"
                required
                className="min-w-0 flex-1 rounded-md border border-slate-300 px-2 py-1.5 text-sm focus:border-brand-500 focus:ring-2 focus:ring-brand-500/30 focus:outline-none"
              />
              <Button type="submit" name="snooze" value="at" disabled={pending}>
                {t('snooze')}
              </Button>
            </div>
          </form>
        </div>
      ) : null}
      {state.message && !state.done ? (
        <span role="alert" className="text-sm text-rose-600">
          {state.message}
        </span>
      ) : null}
    </div>
  );
}
