'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { addNote } from '@/app/actions/notes.actions';
import { initialFormState } from '@/app/actions/form-state';
import { Button } from '@/components/ui/button';
import { mentionMarkup } from '../../../src/contexts/conversations/domain/mentions';

export interface Colleague {
  userId: string;
  name: string;
}

/** The word being typed after an `@` at the caret, if any: what the picker filters by. */
function mentionQuery(value: string, caret: number): { start: number; query: string } | null {
  const match = /(^|\s)@([^\s@]{0,40})$/.exec(value.slice(0, caret));
  return match ? { start: caret - match[2].length - 1, query: match[2] } : null;
}

/** The note as the API takes it: each `@Name` picked from the list becomes `@[Name](userId)`. */
function withMarkup(value: string, picked: readonly Colleague[]): string {
  let text = value;
  for (const colleague of [...picked].sort((a, b) => b.name.length - a.name.length)) {
    text = text.split(`@${colleague.name}`).join(mentionMarkup(colleague));
  }
  return text;
}

/**
 * An internal note for the team, never sent to the contact. Typing `@` opens a list of colleagues:
 * arrows choose, Enter or Tab takes one, Escape closes it. ⌘/Ctrl+Enter adds the note.
 */
export function NoteComposer({ conversationId, colleagues }: { conversationId: string; colleagues: readonly Colleague[] }) {
  const t = useTranslations('composer.note');
  const [state, act, pending] = useActionState(addNote, initialFormState);
  const [value, setValue] = useState('');
  const [picked, setPicked] = useState<Colleague[]>([]);
  const [query, setQuery] = useState<{ start: number; query: string } | null>(null);
  const [active, setActive] = useState(0);
  const form = useRef<HTMLFormElement>(null);
  const box = useRef<HTMLTextAreaElement>(null);
  // Where the caret goes once a picked name is in the box. Placed in the same commit as the new
  // value, before the browser handles the next key: a later frame would pull the caret back over
  // whatever the agent typed in between.
  const caretAfterPick = useRef<number | null>(null);
  const listId = useId();

  useLayoutEffect(() => {
    if (caretAfterPick.current === null) return;
    box.current?.setSelectionRange(caretAfterPick.current, caretAfterPick.current);
    caretAfterPick.current = null;
  }, [value]);

  useEffect(() => {
    if (state.done) {
      setValue('');
      setPicked([]);
      setQuery(null);
    }
  }, [state]);

  const options = useMemo(() => {
    if (!query) return [];
    const wanted = query.query.toLowerCase();
    return colleagues.filter((c) => c.name.toLowerCase().split(/\s+/).some((word) => word.startsWith(wanted)) || c.name.toLowerCase().startsWith(wanted)).slice(0, 8);
  }, [colleagues, query]);
  const open = options.length > 0;

  const follow = (next: string, caret: number) => {
    setValue(next);
    setQuery(mentionQuery(next, caret));
    setActive(0);
  };

  const pick = (colleague: Colleague) => {
    if (!query || !box.current) return;
    const caret = box.current.selectionStart;
    const inserted = `@${colleague.name} `;
    const next = value.slice(0, query.start) + inserted + value.slice(caret);
    setValue(next);
    setPicked((list) => (list.some((c) => c.userId === colleague.userId) ? list : [...list, colleague]));
    setQuery(null);
    caretAfterPick.current = query.start + inserted.length;
  };

  return (
    <form
      ref={form}
      action={act}
      className="flex flex-col"
      onKeyDown={(event) => {
        if (event.key === 'Enter' && (event.metaKey || event.ctrlKey)) {
          event.preventDefault();
          form.current?.requestSubmit();
        }
      }}
    >
      <input type="hidden" name="id" value={conversationId} />
      <input type="hidden" name="text" value={withMarkup(value, picked)} />
      <label htmlFor="note-text" className="sr-only">
        {t('label')}
      </label>
      <div className="relative">
        <textarea
          ref={box}
          id="note-text"
          rows={5}
          required
          autoFocus
          value={value}
          placeholder={t('placeholder')}
          aria-invalid={state.field === 'text'}
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={open}
          aria-controls={listId}
          aria-activedescendant={open ? `${listId}-${active}` : undefined}
          className="w-full resize-y border-0 bg-amber-50/60 px-4 py-3 text-sm focus:outline-none focus:ring-2 focus:ring-inset focus:ring-amber-400/50"
          data-note-box
          onChange={(event) => follow(event.target.value, event.target.selectionStart)}
          onClick={(event) => setQuery(mentionQuery(value, event.currentTarget.selectionStart))}
          onBlur={() => setQuery(null)}
          onKeyDown={(event) => {
            if (!open) return;
            if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
              event.preventDefault();
              setActive((index) => (index + (event.key === 'ArrowDown' ? 1 : options.length - 1)) % options.length);
            } else if ((event.key === 'Enter' && !event.metaKey && !event.ctrlKey) || event.key === 'Tab') {
              event.preventDefault();
              pick(options[active]);
            } else if (event.key === 'Escape') {
              // Closes the list only; a second Escape leaves the box.
              event.preventDefault();
              event.stopPropagation();
              setQuery(null);
            }
          }}
        />
        {open ? (
          <ul
            id={listId}
            role="listbox"
            aria-label={t('colleagues')}
            className="absolute top-full left-4 z-10 mt-1 max-h-60 w-64 overflow-auto rounded-md border border-slate-200 bg-white py-1 text-sm shadow-lg"
          >
            {options.map((colleague, index) => (
              <li
                key={colleague.userId}
                id={`${listId}-${index}`}
                role="option"
                aria-selected={index === active}
                className={`cursor-pointer px-3 py-1.5 ${index === active ? 'bg-brand-50 text-brand-800' : 'text-slate-700'}`}
                // Before the box loses focus, so the click still finds the word being typed.
                onMouseDown={(event) => {
                  event.preventDefault();
                  pick(colleague);
                }}
              >
                {colleague.name}
              </li>
            ))}
          </ul>
        ) : null}
      </div>
      <div className="flex items-center justify-between gap-3 border-t border-slate-100 px-4 py-2">
        {state.message ? (
          <p role="alert" className="text-sm text-rose-600">
            {state.message}
          </p>
        ) : (
          <p className="text-xs text-slate-500">{t('hint')}</p>
        )}
        <Button type="submit" disabled={pending} className="bg-amber-500 hover:bg-amber-600 disabled:bg-amber-500/60">
          {pending ? t('adding') : t('add')}
        </Button>
      </div>
    </form>
  );
}
