'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState, useTransition } from 'react';
import { closeFromInbox } from '@/app/actions/inbox.actions';
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

/** Keys are for the list only while nobody is typing. */
function typing(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
}

/**
 * The conversation list with mail-client keys: j/k move the selection, Enter or o opens it, r opens
 * it ready to reply, e closes it, / jumps to the search box. The selected row also takes the focus, so screen readers follow.
 */
export function InboxList({ rows, searchInputId }: { rows: InboxRow[]; searchInputId: string }) {
  const router = useRouter();
  const [selected, setSelected] = useState(-1);
  const [notice, setNotice] = useState<{ text: string; error: boolean } | null>(null);
  const [pending, startTransition] = useTransition();
  const links = useRef<Array<HTMLAnchorElement | null>>([]);
  // The list changes under the selection (live refresh, a close): keep it on a row that exists.
  const current = rows.length === 0 ? -1 : Math.min(selected, rows.length - 1);

  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) return;
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
            setNotice({ text: `“${row.subject}” is already closed`, error: false });
            return;
          }
          startTransition(async () => {
            const answer = await closeFromInbox(row.id);
            setNotice(answer.ok ? { text: `Closed “${row.subject}”`, error: false } : { text: answer.message ?? 'Could not close it', error: true });
            if (answer.ok) router.refresh();
          });
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
  }, [rows, current, pending, router, searchInputId]);

  return (
    <div className="flex flex-col gap-2">
      <ul className="divide-y divide-slate-100 overflow-hidden rounded-lg border border-slate-200 bg-white" aria-label="Conversations">
        {rows.map((row, index) => {
          const isSelected = index === current;
          return (
            <li key={row.id} className="relative">
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
                className={`grid grid-cols-[1.25rem_1fr_auto] items-center gap-x-3 gap-y-0.5 px-4 py-3 outline-none hover:bg-slate-50 focus-visible:ring-2 focus-visible:ring-brand-500 focus-visible:ring-inset ${
                  isSelected ? 'bg-brand-50 ring-2 ring-brand-500 ring-inset' : ''
                }`}
              >
                <span className="flex justify-center" aria-hidden={!row.unread}>
                  {row.unread ? (
                    <>
                      <span className="size-2 rounded-full bg-brand-600" />
                      <span className="sr-only">Unread:</span>
                    </>
                  ) : null}
                </span>
                <span className={`truncate text-sm ${row.unread ? 'font-semibold text-slate-900' : 'text-slate-700'}`}>{row.contactName}</span>
                <time dateTime={row.lastMessageAt} className={`text-xs ${row.unread ? 'font-semibold text-slate-900' : 'text-slate-500'}`}>
                  {row.when}
                </time>
                <ChannelIcon channel={row.channel} />
                <span className={`truncate text-sm ${row.unread ? 'font-semibold text-slate-900' : 'text-slate-700'}`}>{row.subject}</span>
                <span className="text-xs text-slate-500">{row.status === 'closed' ? 'Closed' : ''}</span>
                <span aria-hidden />
                <span className="col-span-2 flex min-w-0 items-center gap-1.5">
                  {row.tags.length > 0 ? (
                    <span className="flex shrink-0 gap-1" data-testid="row-tags">
                      <span className="sr-only">Tags:</span>
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
          <kbd className="font-sans">j</kbd>/<kbd className="font-sans">k</kbd> move · <kbd className="font-sans">Enter</kbd> open · <kbd className="font-sans">r</kbd> reply · <kbd className="font-sans">e</kbd> close ·{' '}
          <kbd className="font-sans">/</kbd> search
        </span>
      </p>
    </div>
  );
}
