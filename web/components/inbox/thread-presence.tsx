'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import { heartbeat } from '@/app/actions/presence.actions';
import { PRESENCE_EVENT } from '@/components/inbox/live-refresh';
import type { PresentUser } from '@/lib/api';

/** A tab heartbeats this often; the API forgets it about three beats after the last. */
const BEAT_MS = 5_000;
/** Typing counts as stopped after this long without a keystroke in the reply box. */
const TYPING_IDLE_MS = 4_000;

/**
 * Who else is in this thread, live: "Anna is viewing", "Ben is typing a reply…". Those who may
 * reply (`heartbeat`) also tell the others that they view it, and type in its reply box; the
 * others' changes come over the page's live stream (LiveRefresh hands them on).
 */
export function ThreadPresence({ conversationId, heartbeats }: { conversationId: string; heartbeats: boolean }) {
  const t = useTranslations('thread.presence');
  const [users, setUsers] = useState<PresentUser[]>([]);

  useEffect(() => {
    const onPresence = (event: Event) => {
      const change = (event as CustomEvent<{ conversationId: string; users: PresentUser[] }>).detail;
      if (change.conversationId === conversationId) setUsers(change.users);
    };
    window.addEventListener(PRESENCE_EVENT, onPresence);
    return () => window.removeEventListener(PRESENCE_EVENT, onPresence);
  }, [conversationId]);

  useEffect(() => {
    if (!heartbeats) return;
    let state: 'viewing' | 'typing' = 'viewing';
    let lastBeat = 0;
    let idle: ReturnType<typeof setTimeout> | undefined;
    const beat = (next: 'viewing' | 'typing') => {
      state = next;
      lastBeat = Date.now();
      void heartbeat(conversationId, next).then((others) => others && setUsers(others));
    };
    const onInput = (event: Event) => {
      if (!(event.target instanceof HTMLElement) || !event.target.matches('[data-reply-box]')) return;
      clearTimeout(idle);
      idle = setTimeout(() => beat('viewing'), TYPING_IDLE_MS);
      if (state !== 'typing' || Date.now() - lastBeat > BEAT_MS) beat('typing');
    };
    // A server action does not outlive the page: the goodbye is a request the browser finishes on its own.
    const leave = () =>
      void fetch(`/api/conversations/${encodeURIComponent(conversationId)}/presence`, {
        method: 'POST',
        keepalive: true,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ state: 'left' }),
      }).catch(() => undefined);
    beat('viewing');
    const timer = setInterval(() => beat(state), BEAT_MS);
    document.addEventListener('input', onInput);
    window.addEventListener('pagehide', leave);
    return () => {
      clearInterval(timer);
      clearTimeout(idle);
      document.removeEventListener('input', onInput);
      window.removeEventListener('pagehide', leave);
      leave();
    };
  }, [conversationId, heartbeats]);

  // The live region is there from the start, so screen readers announce who comes and goes.
  return (
    <div aria-live="polite" data-testid="thread-presence">
      {users.length > 0 ? (
        <ul aria-label={t('label')} className="flex flex-col gap-1 text-sm text-slate-600">
          {users.map((user) => (
            <li key={user.userId} className="flex items-center gap-2" data-testid="presence-user" data-state={user.state}>
              <span aria-hidden className={`size-2 rounded-full ${user.state === 'typing' ? 'animate-pulse bg-amber-500' : 'bg-emerald-500'}`} />
              {user.state === 'typing' ? t('typing', { name: user.name }) : t('viewing', { name: user.name })}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
