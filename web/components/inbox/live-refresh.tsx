'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';

/** The window event that carries the stream's `presence` messages to the thread's presence line. */
export const PRESENCE_EVENT = 'inbox:presence';

/**
 * Follows the account's inbox changes (server-sent events) and re-renders the page when one arrives.
 * Presence (who views or types where) is no change of the inbox: it is handed on, not refreshed for.
 */
export function LiveRefresh() {
  const router = useRouter();
  const [live, setLive] = useState(false);
  useEffect(() => {
    const source = new EventSource('/api/stream');
    let timer: ReturnType<typeof setTimeout> | undefined;
    source.addEventListener('ready', () => setLive(true));
    source.addEventListener('inbox', () => {
      // Several changes in a burst make one refresh.
      clearTimeout(timer);
      timer = setTimeout(() => router.refresh(), 100);
    });
    source.addEventListener('presence', (event) => {
      window.dispatchEvent(new CustomEvent(PRESENCE_EVENT, { detail: JSON.parse((event as MessageEvent<string>).data) }));
    });
    source.onerror = () => setLive(false);
    return () => {
      clearTimeout(timer);
      source.close();
    };
  }, [router]);
  return (
    <span className="flex items-center gap-1.5 text-xs text-slate-500" data-testid="live-status" data-live={live}>
      <span aria-hidden className={`size-2 rounded-full ${live ? 'bg-emerald-500' : 'bg-slate-300'}`} />
      {live ? 'Live' : 'Connecting…'}
    </span>
  );
}
