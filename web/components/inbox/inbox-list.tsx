'use client';

import { useTranslations } from 'next-intl';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState, useTransition, type ReactNode } from 'react';
import { closeFromInbox } from '@/app/actions/inbox.actions';
import { isTyping } from '@/lib/shortcuts';
import { BulkBar, type BulkProps } from './bulk-bar';
import { ChannelIcon } from './channel-icon';

export interface InboxRow {
  id: string;
  subject: string;
  contactName: string;
  preview: string;
  channel: 'email' | 'chat' | 'form';
  status: 'open' | 'closed';
  unread: boolean;
  lastMessageAt: string;
  /** lastMessageAt in the account's time zone and locale. */
  when: string;
  tags: string[];
}

/**
 * The conversation list with mail-client keys: j/k move the selection, Enter or o opens it, r opens
 * it ready to reply, e closes it, / jumps to the search box. The selected row also takes the focus, so screen readers follow.
 * With `bulk` (users who may manage conversations), each row has a checkbox: x checks the selected
 * row, shift-click checks a range, and a bar acts on all checked rows at once.
 */
/** `empty`: what shows instead of the list when it has no rows (the bulk bar stays, with what it last did). */
export function InboxList({ rows, searchInputId, bulk, empty }: { rows: InboxRow[]; searchInputId: string; bulk?: BulkProps; empty: ReactNode }) {
  const t = useTranslations('inbox.list');
  const router = useRouter();
  const [selected, setSelected] = useState(-1);
  const [notice, setNotice] = useState<{ text: string; error: boolean } | null>(null);
  const [pending, startTransition] = useTransition();
  const links = useRef<Array<HTMLAnchorElement | null>>([]);
  const [checked, setChecked] = useState<ReadonlySet<string>>(new Set());
  /** The row last checked or unchecked: shift-click extends from it. */
  const anchor = useRef<number | null>(null);
  // Rows that left the page (closed, live refresh) leave the selection too.
  const checkedRows = rows.filter((row) => checked.has(row.id));

  const check = (index: number, value: boolean, range: boolean) => {
    const from = range && anchor.current !== null ? Math.min(anchor.current, index) : index;
    const to = range && anchor.current !== null ? Math.max(anchor.current, index) : index;
    setChecked((previous) => {
      const next = new Set(rows.filter((row) => previous.has(row.id)).map((row) => row.id));
      for (const row of rows.slice(from, to + 1)) {
        if (value) next.add(row.id);
        else next.delete(row.id);
      }
      return next;
    });
    anchor.current = index;
  };
  // The list changes under the selection (live refresh, a close): keep it on a row that exists.
  const current = rows.length === 0 ? -1 : Math.min(selected, rows.length - 1);

  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
      const move = (to: number) => {
        event.preventDefault();
        const next = Math.max(0, Math.min(rows.length - 1, to));
        setSelected(next);
        links.current[next]?.focus();
      };
      const row = current >= 0 ? rows[current] : undefined;
      switch (event.key) {
        case 'j':
          return rows.length > 0 ? move(current + 1) : undefined;
        case 'k':
          return rows.length > 0 ? move(current < 0 ? 0 : current - 1) : undefined;
        case 'o':
        case 'Enter':
          // Enter on a focused link already follows it.
          if (!row || (event.key === 'Enter' && event.target instanceof HTMLAnchorElement)) return;
          event.preventDefault();
          router.push(`/inbox/${row.id}`);
          return;
        case 'r':
          if (!row) return;
          event.preventDefault();
          router.push(`/inbox/${row.id}#reply`);
          return;
        case 'e':
          if (!row || pending) return;
          event.preventDefault();
          if (row.status === 'closed') {
            setNotice({ text: t('alreadyClosed', { subject: row.subject }), error: false });
            return;
          }
          startTransition(async () => {
            const answer = await closeFromInbox(row.id);
            setNotice(answer.ok ? { text: t('closedIt', { subject: row.subject }), error: false } : { text: answer.message ?? t('closeFailed'), error: true });
            if (answer.ok) router.refresh();
          });
          return;
        case 'x':
          if (!row || !bulk) return;
          event.preventDefault();
          check(current, !checked.has(row.id), false);
          return;
        case '/':
          event.preventDefault();
          document.getElementById(searchInputId)?.focus();
          return;
        default:
          return;
      }
    }
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [rows, current, pending, router, searchInputId, bulk, checked, check, t]);

  const allChecked = rows.length > 0 && checkedRows.length === rows.length;

  return (
    <div className="flex flex-col gap-2">
      {bulk ? (
        <BulkBar
          {...bulk}
          selectedIds={checkedRows.map((row) => row.id)}
          allChecked={allChecked}
          someChecked={checkedRows.length > 0 && !allChecked}
          onCheckAll={(value) => setChecked(value ? new Set(rows.map((row) => row.id)) : new Set())}
          onDone={() => {
            setChecked(new Set());
            router.refresh();
          }}
        />
      ) : null}
      {rows.length === 0 ? empty : null}
      <ul hidden={rows.length === 0} className="divide-y divide-slate-100 overflow-hidden rounded-lg border border-slate-200 bg-white" aria-label={t('label')}>
        {rows.map((row, index) => {
          const isSelected = index === current;
          return (
            <li key={row.id} className="relative flex items-stretch">
              {bulk ? (
                <label className="flex shrink-0 cursor-pointer items-center pl-4" data-testid="row-select">
                  <input
                    type="checkbox"
                    checked={checked.has(row.id)}
                    onChange={(event) => check(index, event.target.checked, (event.nativeEvent as MouseEvent).shiftKey)}
                    className="size-6 rounded border-slate-300 accent-brand-600 md:size-4"
                  />
                  <span className="sr-only">{t('select', { subject: row.subject })}</span>
                </label>
              ) : null}
              <Link
                ref={(element) => {
                  links.current[index] = element;
                }}
                href={`/inbox/${row.id}`}
                aria-current={isSelected ? 'true' : undefined}
                data-selected={isSelected}
                data-unread={row.unread}
                data-testid="conversation-row"
                onFocus={() => setSelected(index)}
                data-checked={checked.has(row.id)}
                className={`grid min-w-0 flex-1 grid-cols-[1.25rem_1fr_auto] items-center gap-x-3 gap-y-0.5 px-4 py-3 outline-none hover:bg-slate-50 focus-visible:ring-2 focus-visible:ring-brand-500 focus-visible:ring-inset ${
                  isSelected ? 'bg-brand-50 ring-2 ring-brand-500 ring-inset' : checked.has(row.id) ? 'bg-brand-50/60' : ''
                }`}
              >
                <span className="flex justify-center" aria-hidden={!row.unread}>
                  {row.unread ? (
                    <>
                      <span className="size-2 rounded-full bg-brand-600" />
                      <span className="sr-only">{t('unread')}</span>
                    </>
                  ) : null}
                </span>
                <span className={`truncate text-sm ${row.unread ? 'font-semibold text-slate-900' : 'text-slate-700'}`}>{row.contactName}</span>
                <time dateTime={row.lastMessageAt} className={`text-xs ${row.unread ? 'font-semibold text-slate-900' : 'text-slate-500'}`}>
                  {row.when}
                </time>
                <ChannelIcon channel={row.channel} />
                <span className={`truncate text-sm ${row.unread ? 'font-semibold text-slate-900' : 'text-slate-700'}`}>{row.subject}</span>
                <span className="text-xs text-slate-500">{row.status === 'closed' ? t('closed') : ''}</span>
                <span aria-hidden />
                <span className="col-span-2 flex min-w-0 items-center gap-1.5">
                  {row.tags.length > 0 ? (
                    <span className="flex shrink-0 gap-1" data-testid="row-tags">
                      <span className="sr-only">{t('tags')}</span>
                      {row.tags.map((tag) => (
                        <span key={tag} className="rounded-full bg-slate-100 px-2 py-0.5 text-xs font-medium text-slate-700">
                          {tag}
                        </span>
                      ))}
                    </span>
                  ) : null}
                  <span className="truncate text-sm text-slate-500">{row.preview}</span>
                </span>
              </Link>
            </li>
          );
        })}
      </ul>
      <p className="flex flex-wrap items-center justify-between gap-2 text-xs text-slate-500">
        <span role="status" className={notice?.error ? 'text-rose-600' : ''} data-testid="inbox-notice">
          {notice?.text ?? ''}
        </span>
        <span>
          {t.rich('keys', { bulk: bulk ? 'yes' : 'no', k: (key) => <kbd className="font-sans">{key}</kbd> })}
        </span>
      </p>
    </div>
  );
}
