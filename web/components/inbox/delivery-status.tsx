'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { retryReply } from '@/app/actions/conversation.actions';
import { initialFormState } from '@/app/actions/form-state';

const BADGES = {
  queued: 'bg-slate-100 text-slate-700',
  sent: 'bg-emerald-50 text-emerald-800',
  failed: 'bg-rose-50 text-rose-800',
} as const;

/** Where a reply stands in the outbox: queued (with the last refusal while it retries), sent, or failed with a retry. */
export function DeliveryStatus({
  conversationId,
  messageId,
  status,
  error,
  nextAttemptAt,
  canRetry,
}: {
  conversationId: string;
  messageId: string;
  status: 'queued' | 'sent' | 'failed';
  error: string | null;
  nextAttemptAt: string | null;
  canRetry: boolean;
}) {
  const t = useTranslations('thread.delivery');
  const [state, act, pending] = useActionState(retryReply, initialFormState);
  return (
    <div className="flex flex-wrap items-center gap-2 text-xs" data-testid="delivery-status" data-status={status}>
      <span className={`rounded-full px-2 py-0.5 font-medium ${BADGES[status]}`}>{t(status)}</span>
      {error && status !== 'sent' ? (
        <span className="text-slate-600">
          {status === 'queued' && nextAttemptAt ? t('retrying', { error }) : error}
        </span>
      ) : null}
      {canRetry && status !== 'sent' && (status === 'failed' || error) ? (
        <form action={act}>
          <input type="hidden" name="id" value={conversationId} />
          <input type="hidden" name="messageId" value={messageId} />
          <button type="submit" disabled={pending} className="font-medium text-brand-600 hover:underline">
            {pending ? t('retryPending') : t('retry')}
          </button>
        </form>
      ) : null}
      {state.message && !state.done ? (
        <span role="alert" className="text-rose-600">
          {state.message}
        </span>
      ) : null}
    </div>
  );
}
