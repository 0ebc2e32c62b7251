'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useEffect, useId, useRef, useState, useTransition } from 'react';
import { setConversationTags } from '@/app/actions/tags.actions';

/** How the API compares names: case aside (it also trims and refuses what a name may not hold, and says why). */
const sameName = (a: string, b: string) => a.trim().toLocaleLowerCase() === b.trim().toLocaleLowerCase();

/**
 * A conversation's tags as chips, each removable with ×, and a picker: type to filter the account's
 * tags, Enter adds the highlighted one, "Create …" makes a new tag. `t` in the thread opens it.
 */
export function TagPicker({ conversationId, tags, known, canEdit }: { conversationId: string; tags: string[]; known: string[]; canEdit: boolean }) {
  const t = useTranslations('thread.tags');
  const router = useRouter();
  const [current, setCurrent] = useState(tags);
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const input = useRef<HTMLInputElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const listId = useId();

  // A live refresh (another agent's change) brings new props.
  useEffect(() => setCurrent(tags), [tags]);
  useEffect(() => {
    if (open) input.current?.focus();
  }, [open]);

  const typed = query.trim();
  const matches = known.filter((name) => !current.some((tag) => sameName(tag, name)) && name.toLocaleLowerCase().includes(typed.toLocaleLowerCase()));
  const exists = known.some((name) => sameName(name, typed)) || current.some((tag) => sameName(tag, typed));
  const options: Array<{ name: string; create: boolean }> = [
    ...matches.sort((a, b) => Number(!sameName(b, typed)) - Number(!sameName(a, typed))).map((name) => ({ name, create: false })),
    ...(typed && !exists ? [{ name: typed, create: true }] : []),
  ];
  const highlighted = Math.min(active, options.length - 1);

  function save(next: string[]) {
    setError(null);
    startTransition(async () => {
      const answer = await setConversationTags(conversationId, next);
      if (!answer.ok) {
        setError(answer.message);
        return;
      }
      setCurrent(answer.tags);
      router.refresh();
    });
  }

  function close() {
    setOpen(false);
    setQuery('');
    setActive(0);
    button.current?.focus();
  }

  function choose(option: { name: string } | undefined) {
    if (!option) return;
    save([...current, option.name]);
    setQuery('');
    setActive(0);
  }

  return (
    <div className="relative flex flex-wrap items-center gap-1.5" data-testid="conversation-tags">
      <span className="sr-only">{t('labelled')}</span>
      <ul className="flex flex-wrap items-center gap-1.5" aria-label={t('label')}>
        {current.map((tag) => (
          <li key={tag} className="inline-flex items-center gap-1 rounded-full bg-slate-100 py-0.5 pr-1 pl-2.5 text-xs font-medium text-slate-700" data-testid="tag-chip">
            {tag}
            {canEdit ? (
              <button
                type="button"
                aria-label={t('remove', { tag })}
                disabled={pending}
                onClick={() => save(current.filter((other) => other !== tag))}
                className="rounded-full px-1 text-slate-500 hover:bg-slate-200 hover:text-slate-900"
              >
                ×
              </button>
            ) : null}
          </li>
        ))}
        {current.length === 0 && !canEdit ? <li className="text-xs text-slate-500">{t('none')}</li> : null}
      </ul>
      {canEdit ? (
        <button
          ref={button}
          type="button"
          data-tag-picker-button
          aria-expanded={open}
          aria-haspopup="listbox"
          onClick={() => (open ? close() : setOpen(true))}
          className="rounded-full border border-dashed border-slate-300 px-2.5 py-0.5 text-xs font-medium text-slate-600 hover:border-slate-400 hover:text-slate-900"
        >
          {t.rich('add', { k: (key) => <kbd className="font-sans text-slate-400">{key}</kbd> })}
        </button>
      ) : null}
      {open ? (
        <div className="absolute top-full left-0 z-20 mt-1 w-72 rounded-md border border-slate-200 bg-white p-2 shadow-lg">
          <label className="sr-only" htmlFor={`${listId}-input`}>
            {t('find')}
          </label>
          <input
            ref={input}
            id={`${listId}-input`}
            role="combobox"
            aria-expanded="true"
            aria-controls={listId}
            aria-autocomplete="list"
            aria-activedescendant={options.length > 0 ? `${listId}-${highlighted}` : undefined}
            value={query}
            maxLength={40}
            placeholder={t('find')}
            onChange={(event) => {
              setQuery(event.target.value);
              setActive(0);
            }}
            onBlur={(event) => {
              if (!event.currentTarget.parentElement?.contains(event.relatedTarget)) setOpen(false);
            }}
            onKeyDown={(event) => {
              if (event.key === 'ArrowDown') {
                event.preventDefault();
                setActive(Math.min(highlighted + 1, options.length - 1));
              } else if (event.key === 'ArrowUp') {
                event.preventDefault();
                setActive(Math.max(highlighted - 1, 0));
              } else if (event.key === 'Enter') {
                event.preventDefault();
                choose(options[highlighted]);
              } else if (event.key === 'Escape') {
                event.preventDefault();
                close();
              }
            }}
            className="w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm focus:border-brand-500"
          />
          <ul id={listId} role="listbox" aria-label={t('toAdd')} className="mt-1 max-h-60 overflow-y-auto">
            {options.map((option, index) => (
              <li
                key={`${option.create}-${option.name}`}
                id={`${listId}-${index}`}
                role="option"
                aria-selected={index === highlighted}
                tabIndex={-1}
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => choose(option)}
                onMouseEnter={() => setActive(index)}
                className={`cursor-pointer rounded px-2 py-1.5 text-sm ${index === highlighted ? 'bg-brand-50 text-brand-800' : 'text-slate-700'}`}
              >
                {option.create ? t('create', { name: option.name }) : option.name}
              </li>
            ))}
            {options.length === 0 ? <li className="px-2 py-1.5 text-sm text-slate-500">{typed ? t('alreadyOn') : t('typeToCreate')}</li> : null}
          </ul>
        </div>
      ) : null}
      {pending ? <span className="text-xs text-slate-500">{t('saving')}</span> : null}
      {error ? (
        <p role="alert" className="w-full text-sm text-rose-600">
          {error}
        </p>
      ) : null}
    </div>
  );
}
