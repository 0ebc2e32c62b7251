'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useState, useTransition } from 'react';
import { undoReply } from '@/app/actions/draft.actions';
import { RESTORE_REPLY_EVENT, type RestoredReply } from './reply-composer';

/**
 * A reply inside its undo window: "Sending in N s", counting down, and for its author an Undo that
 * takes it back and puts its text into the composer. Once the window ends the outbox takes it, and
 * the live stream re-renders the thread with its delivery status.
 */
export function PendingReply({ conversationId, messageId, sendsAt, canUndo }: { conversationId: string; messageId: string; sendsAt: string; canUndo: boolean }) {
  const t = useTranslations('thread.pending');
  const due = new Date(sendsAt).getTime();
  const [now, setNow] = useState(() => Date.now());
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, []);
  const seconds = Math.max(0, Math.ceil((due - now) / 1000));
  const open = seconds > 0;
  return (
    <div className="flex flex-wrap items-center gap-2 text-xs" data-testid="pending-reply" data-open={open}>
      <span className="rounded-full bg-amber-50 px-2 py-0.5 font-medium text-amber-800" aria-live="polite">
        {open ? t('sendingIn', { seconds }) : t('sending')}
      </span>
      {canUndo && open ? (
        <button
          type="button"
          disabled={pending}
          className="font-medium text-brand-600 hover:underline"
          onClick={() =>
            start(async () => {
              const result = await undoReply(conversationId, messageId);
              if (!result.ok) {
                setError(result.message);
                return;
              }
              // A withdrawn forward is simply gone; only a reply comes back to the composer.
              if (result.forward) return;
              const restored: RestoredReply = { conversationId, text: result.text, subject: result.subject };
              window.dispatchEvent(new CustomEvent(RESTORE_REPLY_EVENT, { detail: restored }));
            })
          }
        >
          {pending ? t('undoing') : t('undo')}
        </button>
      ) : null}
      {error ? (
        <span role="alert" className="text-rose-600">
          {error}
        </span>
      ) : null}
    </div>
  );
}
