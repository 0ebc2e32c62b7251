'use client';

import { useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import { followLive } from '@/lib/live-events';

/** The window event that carries the stream's `presence` messages to the thread's presence line. */
export const PRESENCE_EVENT = 'inbox:presence';

/**
 * Follows the account's inbox changes (server-sent events) and re-renders the page when one arrives.
 * Presence (who views or types where) is no change of the inbox: it is handed on, not refreshed for.
 */
export function LiveRefresh() {
  const t = useTranslations('inbox.live');
  const router = useRouter();
  const [live, setLive] = useState(false);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const leave = followLive({
      on: {
        inbox: () => {
          // Several changes in a burst make one refresh.
          clearTimeout(timer);
          timer = setTimeout(() => router.refresh(), 100);
        },
        presence: (data) => window.dispatchEvent(new CustomEvent(PRESENCE_EVENT, { detail: data })),
      },
      status: setLive,
    });
    return () => {
      clearTimeout(timer);
      leave();
    };
  }, [router]);
  return (
    <span className="flex items-center gap-1.5 text-xs text-slate-500" data-testid="live-status" data-live={live}>
      <span aria-hidden className={`size-2 rounded-full ${live ? 'bg-emerald-500' : 'bg-slate-300'}`} />
      {live ? t('live') : t('connecting')}
    </span>
  );
}
