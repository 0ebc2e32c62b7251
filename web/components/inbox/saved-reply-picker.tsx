'use client';

import { useTranslations } from 'next-intl';
import { useCallback, useEffect, useId, useRef, useState, type RefObject } from 'react';
import { findSavedReplies, renderSavedReply, type SavedReplyChoice } from '@/app/actions/saved-replies.actions';

/** `/name` just before the cursor, at the start of a line or after a space: the picker, filtered. */
const SLASH = /(?:^|\s)\/([^\s/]{0,80})$/;

interface Opened {
  query: string;
  /** Where the typed `/name` sits in the reply box; null when opened by the button or `#`. */
  slash: { start: number; end: number } | null;
  /** Where the cursor was, for inserting when the search box had the focus. */
  selection: { start: number; end: number };
}

/**
 * The composer's saved replies: a button (also `#` in the thread) opens a searchable list, and
 * typing `/` and a name in the reply box opens it filtered. Up and Down choose, Enter inserts the
 * reply as the API renders it for this conversation, Escape closes.
 */
export function SavedReplyPicker({ conversationId, box }: { conversationId: string; box: RefObject<HTMLTextAreaElement | null> }) {
  const t = useTranslations('composer.savedReplies');
  const [opened, setOpened] = useState<Opened | null>(null);
  const [found, setFound] = useState<{ query: string; choices: SavedReplyChoice[] } | null>(null);
  // What the list shows is the answer for the query typed, not an older one still on its way.
  const choices = found && found.query === opened?.query ? found.choices : null;
  const [active, setActive] = useState(0);
  const [problem, setProblem] = useState<string | null>(null);
  const search = useRef<HTMLInputElement>(null);
  const wrapper = useRef<HTMLDivElement>(null);
  const listId = useId();
  // Read by the reply box's listeners, which are attached once.
  const current = useRef({ opened, choices, active });
  useEffect(() => {
    current.current = { opened, choices, active };
  });

  const close = useCallback((refocus: boolean) => {
    setOpened(null);
    setFound(null);
    setProblem(null);
    if (refocus) box.current?.focus();
  }, [box]);

  const insert = useCallback(
    async (choice: SavedReplyChoice | undefined) => {
      const target = box.current;
      const state = current.current.opened;
      if (!choice || !target || !state) return;
      const rendered = await renderSavedReply(conversationId, choice.id);
      if ('message' in rendered) {
        setProblem(rendered.message);
        return;
      }
      const range = state.slash ?? state.selection;
      target.setRangeText(rendered.text, range.start, range.end, 'end');
      close(true);
      // As typed text would: the composer saves it as the draft and counts the reply as begun.
      target.dispatchEvent(new Event('input', { bubbles: true }));
    },
    [box, close, conversationId],
  );

  const move = (by: number) => {
    const count = current.current.choices?.length ?? 0;
    if (count > 0) setActive((index) => (index + by + count) % count);
  };

  // What the agent types in the reply box: `/name` opens and filters; the keys choose while it is open.
  useEffect(() => {
    const target = box.current;
    if (!target) return;
    const onInput = () => {
      const caret = target.selectionStart;
      const match = target.selectionEnd === caret ? SLASH.exec(target.value.slice(0, caret)) : null;
      if (match) {
        const start = caret - match[1].length - 1;
        setOpened({ query: match[1], slash: { start, end: caret }, selection: { start, end: caret } });
        setActive(0);
      } else if (current.current.opened?.slash) {
        close(false);
      }
    };
    const onKeyDown = (event: KeyboardEvent) => {
      const state = current.current;
      if (!state.opened?.slash || event.isComposing) return;
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault();
        move(event.key === 'ArrowDown' ? 1 : -1);
      } else if (event.key === 'Enter' && !event.shiftKey && !event.metaKey && !event.ctrlKey && state.choices && state.choices.length > 0) {
        event.preventDefault();
        void insert(state.choices[state.active]);
      } else if (event.key === 'Escape') {
        // Closes the list only; a second Escape leaves the reply box.
        event.preventDefault();
        event.stopPropagation();
        close(false);
      }
    };
    target.addEventListener('input', onInput);
    target.addEventListener('keydown', onKeyDown);
    return () => {
      target.removeEventListener('input', onInput);
      target.removeEventListener('keydown', onKeyDown);
    };
  }, [box, close, insert]);

  // The list for what was typed, asked of the API; an answer for an older query is dropped.
  const query = opened?.query;
  useEffect(() => {
    if (query === undefined) return;
    let stale = false;
    const timer = setTimeout(async () => {
      const answer = await findSavedReplies(query);
      if (stale) return;
      setFound({ query, choices: answer });
      setActive(0);
    }, 120);
    return () => {
      stale = true;
      clearTimeout(timer);
    };
  }, [query]);

  // A click anywhere but the picker and the reply box puts it away.
  const isOpen = Boolean(opened);
  useEffect(() => {
    if (!isOpen) return;
    const onPointerDown = (event: PointerEvent) => {
      const target = event.target as Node | null;
      if (target && (wrapper.current?.contains(target) || box.current?.contains(target))) return;
      close(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [isOpen, box, close]);

  const openFromButton = () => {
    if (opened) {
      close(true);
      return;
    }
    const target = box.current;
    const selection = target ? { start: target.selectionStart, end: target.selectionEnd } : { start: 0, end: 0 };
    setOpened({ query: '', slash: null, selection });
    setActive(0);
    requestAnimationFrame(() => search.current?.focus());
  };

  const optionId = (index: number) => `${listId}-option-${index}`;

  return (
    <div ref={wrapper} className="relative">
      <button
        type="button"
        onClick={openFromButton}
        aria-haspopup="listbox"
        aria-expanded={Boolean(opened)}
        aria-keyshortcuts="#"
        className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium text-slate-700 hover:bg-slate-50"
        data-saved-replies-button
      >
        {t('button')}
      </button>
      {opened ? (
        <div
          className="absolute right-0 bottom-full z-20 mb-2 flex w-[min(28rem,90vw)] flex-col rounded-lg border border-slate-200 bg-white shadow-lg"
          data-testid="saved-reply-picker"
        >
          {opened.slash ? (
            <p className="border-b border-slate-100 px-3 py-2 text-xs text-slate-500">
              {t.rich('matching', { query: opened.query, code: (chunks) => <span className="font-mono">{chunks}</span> })}
            </p>
          ) : (
            <div className="border-b border-slate-100 p-2">
              <label htmlFor={`${listId}-search`} className="sr-only">
                {t('search')}
              </label>
              <input
                ref={search}
                id={`${listId}-search`}
                role="combobox"
                aria-expanded="true"
                aria-controls={listId}
                aria-activedescendant={choices && choices.length > 0 ? optionId(active) : undefined}
                autoComplete="off"
                placeholder={t('searchPlaceholder')}
                value={opened.query}
                onChange={(event) => setOpened({ ...opened, query: event.target.value })}
                onKeyDown={(event) => {
                  if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
                    event.preventDefault();
                    move(event.key === 'ArrowDown' ? 1 : -1);
                  } else if (event.key === 'Enter') {
                    event.preventDefault();
                    void insert(choices?.[active]);
                  } else if (event.key === 'Escape') {
                    event.preventDefault();
                    event.stopPropagation();
                    close(true);
                  }
                }}
                className="w-full rounded-md border border-slate-300 px-2.5 py-1.5 text-sm focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-500/30"
              />
            </div>
          )}
          {problem ? (
            <p role="alert" className="px-3 py-2 text-sm text-rose-600">
              {problem}
            </p>
          ) : null}
          {choices === null ? (
            <p className="px-3 py-3 text-sm text-slate-500">{t('loading')}</p>
          ) : choices.length === 0 ? (
            <p className="px-3 py-3 text-sm text-slate-500">{t('none')}</p>
          ) : (
            <ul id={listId} role="listbox" aria-label={t('list')} className="max-h-72 overflow-y-auto py-1">
              {choices.map((choice, index) => (
                <li
                  key={choice.id}
                  id={optionId(index)}
                  role="option"
                  aria-selected={index === active}
                  // Keep the focus where the agent types; the click inserts.
                  onMouseDown={(event) => event.preventDefault()}
                  onMouseEnter={() => setActive(index)}
                  onClick={() => void insert(choice)}
                  className={`cursor-pointer px-3 py-2 text-sm ${index === active ? 'bg-brand-50' : ''}`}
                >
                  <span className="block font-medium text-slate-800">{choice.name}</span>
                  <span className="block truncate text-xs text-slate-500">{choice.preview}</span>
                </li>
              ))}
            </ul>
          )}
        </div>
      ) : null}
    </div>
  );
}
