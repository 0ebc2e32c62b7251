'use client';

import { useTranslations } from 'next-intl';
import { useCallback, useEffect, useRef, useState, type KeyboardEvent as ReactKeyboardEvent } from 'react';
import { SHORTCUT_SCOPES, SHORTCUTS, isTyping } from '@/lib/shortcuts';

/**
 * The `?` overlay: every keyboard shortcut, by where it applies. A modal dialog: the page behind
 * it is inert, Tab stays inside, Escape closes it, and the focus goes back where it was.
 */
export function ShortcutsHelp() {
  const t = useTranslations('shortcuts');
  const dialog = useRef<HTMLDialogElement>(null);
  const returnTo = useRef<HTMLElement | null>(null);
  const [open, setOpen] = useState(false);

  const show = useCallback(() => {
    const element = dialog.current;
    if (!element || element.open) return;
    returnTo.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    element.showModal();
    setOpen(true);
  }, []);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== '?' || event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
      event.preventDefault();
      show();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [show]);

  const onClose = () => {
    setOpen(false);
    returnTo.current?.focus();
    returnTo.current = null;
  };

  // Keys typed in the dialog are the dialog's: the page's shortcuts behind it (e closes a
  // conversation) must not act. Tab and shift-Tab cycle through the dialog's own controls.
  const trapKeys = (event: ReactKeyboardEvent<HTMLDialogElement>) => {
    event.stopPropagation();
    if (event.key !== 'Tab') return;
    const focusable = [...(dialog.current?.querySelectorAll<HTMLElement>('button, [href], [tabindex]:not([tabindex="-1"])') ?? [])]; // not words for people
    if (focusable.length === 0) return;
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  };

  return (
    <>
      <button
        type="button"
        onClick={show}
        aria-haspopup="dialog"
        aria-expanded={open}
        className="w-full rounded-md px-2 py-1.5 text-left text-sm text-slate-600 hover:bg-slate-100"
      >
        {t('open')} <kbd className="ml-1 rounded border border-slate-300 px-1 font-sans text-xs">?</kbd>
      </button>
      <dialog
        ref={dialog}
        aria-labelledby="shortcuts-title"
        onClose={onClose}
        onKeyDown={trapKeys}
        data-testid="shortcuts-help"
        className="m-auto w-[min(36rem,calc(100vw-2rem))] rounded-lg border border-slate-200 bg-white p-0 text-slate-900 shadow-xl backdrop:bg-slate-900/40"
      >
        <div className="flex items-center justify-between border-b border-slate-100 px-5 py-3">
          <h2 id="shortcuts-title" className="text-base font-semibold">
            {t('title')}
          </h2>
          <button type="button" onClick={() => dialog.current?.close()} className="rounded-md px-2 py-1 text-sm text-slate-600 hover:bg-slate-100">
            {t('close')} <span className="sr-only">{t('closeKey')}</span>
          </button>
        </div>
        <div className="max-h-[70vh] overflow-y-auto px-5 py-4">
          {SHORTCUT_SCOPES.map((scope) => (
            <section key={scope} aria-labelledby={`shortcuts-${scope}`} className="mb-4 last:mb-0">
              <h3 id={`shortcuts-${scope}`} className="mb-1 text-xs font-semibold tracking-wide text-slate-500 uppercase">
                {t(`scopes.${scope}`)}
              </h3>
              <dl className="divide-y divide-slate-100">
                {SHORTCUTS.filter((shortcut) => shortcut.scope === scope).map((shortcut) => (
                  <div key={`${scope}-${shortcut.keys.join()}-${shortcut.does}`} className="flex items-baseline justify-between gap-4 py-1.5 text-sm">
                    <dt className="order-2 flex shrink-0 gap-1">
                      {shortcut.keys.map((key) => (
                        <kbd key={key} className="rounded border border-slate-300 bg-slate-50 px-1.5 font-sans text-xs">
                          {key}
                        </kbd>
                      ))}
                    </dt>
                    <dd className="order-1 text-slate-700">{t(`does.${shortcut.does}`)}</dd>
                  </div>
                ))}
              </dl>
            </section>
          ))}
        </div>
      </dialog>
    </>
  );
}
