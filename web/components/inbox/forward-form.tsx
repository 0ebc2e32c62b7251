'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useEffect, useId, useRef, useState } from 'react';
import { forwardConversation } from '@/app/actions/conversation.actions';
import { initialFormState } from '@/app/actions/form-state';
import { Button } from '@/components/ui/button';

/**
 * "Forward" on a message (or, without `messageId`, on the conversation): opens a small form in the
 * thread for the address and a note. The API quotes the message(s) and sends the attachments; the
 * forward then shows in the thread like a reply, and the third party's answer threads back.
 */
export function ForwardForm({ conversationId, messageId, label }: { conversationId: string; messageId?: string; label?: string }) {
  const t = useTranslations('thread.forwardForm');
  const [open, setOpen] = useState(false);
  const [state, act, pending] = useActionState(forwardConversation, initialFormState);
  const to = useRef<HTMLInputElement>(null);
  const ids = useId();

  useEffect(() => {
    if (state.done) setOpen(false);
  }, [state]);
  useEffect(() => {
    if (open) to.current?.focus();
  }, [open]);

  if (!open) {
    return (
      <button type="button" className="text-xs font-medium text-slate-600 hover:text-brand-700 hover:underline" onClick={() => setOpen(true)} data-testid="forward-open">
        {label ?? t('open')}
      </button>
    );
  }
  return (
    <form
      action={act}
      aria-label={messageId ? t('message') : t('conversation')}
      className="mt-3 flex w-full flex-col gap-2 rounded-md border border-slate-200 bg-slate-50 p-3 text-sm"
      onKeyDown={(event) => {
        if (event.key === 'Escape') setOpen(false);
      }}
      data-testid="forward-form"
    >
      <input type="hidden" name="id" value={conversationId} />
      {messageId ? <input type="hidden" name="messageId" value={messageId} /> : null}
      <label htmlFor={`${ids}-to`} className="font-medium text-slate-700">
        {t('to')}
      </label>
      <input
        ref={to}
        id={`${ids}-to`}
        name="to"
        type="email"
        required
        defaultValue={state.values?.to}
        aria-invalid={state.field === 'to'}
        placeholder={t('toPlaceholder')}
        className="rounded-md border border-slate-300 px-2 py-1 focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-500/30"
      />
      <label htmlFor={`${ids}-note`} className="font-medium text-slate-700">
        {t('note')}
      </label>
      <textarea
        id={`${ids}-note`}
        name="text"
        rows={3}
        defaultValue={state.values?.text}
        placeholder={t('notePlaceholder')}
        className="rounded-md border border-slate-300 px-2 py-1 focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-500/30"
      />
      {state.message ? (
        <p role="alert" className="text-rose-600">
          {state.message}
        </p>
      ) : null}
      <div className="flex items-center justify-end gap-3">
        <button type="button" className="font-medium text-slate-600 hover:underline" onClick={() => setOpen(false)}>
          {t('cancel')}
        </button>
        <Button type="submit" disabled={pending}>
          {pending ? t('pending') : t('submit')}
        </Button>
      </div>
    </form>
  );
}
