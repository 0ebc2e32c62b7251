'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useEffect, useId, useRef, useState } from 'react';
import { markNotificationsRead } from '@/app/actions/notes.actions';
import type { Notifications } from '@/lib/api';
import { followLive } from '@/lib/live-events';

/** Where a notification leads: the thread, at the note. */
export const notificationHref = (item: { conversationId: string; noteId: string }) => `/inbox/${item.conversationId}#note-${item.noteId}`;

/**
 * The bell in the shell: the unread count, kept live by the stream (a mention, or reading in another
 * tab, re-renders the shell), and the newest notifications in a list. Opening one marks it read.
 */
export function NotificationBell({ notifications }: { notifications: Notifications }) {
  const t = useTranslations('notifications');
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const panel = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const panelId = useId();
  const { unread, items } = notifications;

  useEffect(() => followLive({ on: { notification: () => router.refresh() } }), [router]);

  useEffect(() => {
    if (!open) return;
    const away = (event: MouseEvent) => {
      if (!panel.current?.contains(event.target as Node) && !button.current?.contains(event.target as Node)) setOpen(false);
    };
    const escape = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        setOpen(false);
        button.current?.focus();
      }
    };
    document.addEventListener('mousedown', away);
    document.addEventListener('keydown', escape);
    return () => {
      document.removeEventListener('mousedown', away);
      document.removeEventListener('keydown', escape);
    };
  }, [open]);

  const openItem = async (item: Notifications['items'][number]) => {
    setOpen(false);
    if (!item.readAt) await markNotificationsRead([item.id]);
    router.push(notificationHref(item));
  };

  return (
    <div className="relative">
      <button
        ref={button}
        type="button"
        aria-label={t('bell', { unread })}
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen(!open)}
        className="relative rounded-md p-1.5 text-slate-600 hover:bg-slate-100"
        data-testid="notification-bell"
      >
        <svg aria-hidden viewBox="0 0 24 24" className="size-5" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
          <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
          <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
        </svg>
        <span
          className={`absolute -top-1 -right-1 min-w-5 rounded-full bg-rose-600 px-1 text-center text-xs leading-5 font-semibold text-white ${unread > 0 ? '' : 'hidden'}`}
          data-testid="notification-count"
          data-count={unread}
        >
          {unread > 99 ? '99+' : unread}
        </span>
      </button>
      {open ? (
        <div
          ref={panel}
          id={panelId}
          role="dialog"
          aria-label={t('title')}
          className="absolute top-full left-0 z-20 mt-2 w-80 max-w-[calc(100vw-2rem)] rounded-lg border border-slate-200 bg-white shadow-lg"
        >
          <div className="flex items-center justify-between border-b border-slate-100 px-3 py-2">
            <h2 className="text-sm font-semibold">{t('title')}</h2>
            {unread > 0 ? (
              <button type="button" className="text-xs font-medium text-brand-600 hover:underline" onClick={() => void markNotificationsRead()}>
                {t('markAllRead')}
              </button>
            ) : null}
          </div>
          {items.length === 0 ? (
            <p className="px-3 py-6 text-center text-sm text-slate-500">{t('empty')}</p>
          ) : (
            <ul className="max-h-96 overflow-auto" aria-label={t('list')}>
              {items.map((item) => (
                <li key={item.id}>
                  <a
                    href={notificationHref(item)}
                    onClick={(event) => {
                      event.preventDefault();
                      void openItem(item);
                    }}
                    className={`block border-b border-slate-50 px-3 py-2 text-sm hover:bg-slate-50 ${item.readAt ? 'text-slate-600' : 'bg-brand-50/40 text-slate-900'}`}
                    data-testid="notification"
                    data-unread={!item.readAt}
                  >
                    <span className="block">
                      {t.rich('mentioned', {
                        name: item.by.name,
                        subject: item.subject || t('aConversation'),
                        b: (chunks) => <span className="font-medium">{chunks}</span>,
                      })}
                    </span>
                    <span className="block truncate text-slate-500">{item.excerpt}</span>
                  </a>
                </li>
              ))}
            </ul>
          )}
        </div>
      ) : null}
    </div>
  );
}
