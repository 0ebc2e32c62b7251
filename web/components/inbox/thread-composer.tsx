'use client';

import { useTranslations } from 'next-intl';
import { useState, type ReactNode } from 'react';
import { NoteComposer, type Colleague } from './note-composer';

/**
 * The composer under a thread: a reply to the contact, or an internal note for the team (the `n`
 * key switches to it through its tab). Who may write which is the API's word, passed in.
 */
export function ThreadComposer({
  reply,
  conversationId,
  canNote,
  colleagues,
}: {
  /** The reply form, or null when the user may not reply. */
  reply: ReactNode;
  conversationId: string;
  canNote: boolean;
  colleagues: readonly Colleague[];
}) {
  const t = useTranslations('composer.tabs');
  const [mode, setMode] = useState<'reply' | 'note'>(reply ? 'reply' : 'note');
  if (!canNote) return reply;
  const tab = (which: 'reply' | 'note', label: string) => (
    <button
      type="button"
      role="tab"
      aria-selected={mode === which}
      className={`rounded-t-md px-3 py-1.5 text-sm font-medium ${
        mode === which ? (which === 'note' ? 'bg-amber-100 text-amber-900' : 'bg-white text-brand-700 shadow-sm') : 'text-slate-500 hover:text-slate-700'
      }`}
      onClick={() => setMode(which)}
      {...(which === 'note' ? { 'data-note-tab': true } : { 'data-reply-tab': true })}
    >
      {label}
    </button>
  );
  return (
    <div className="flex flex-col">
      <div role="tablist" aria-label={t('label')} className="flex gap-1 px-2">
        {reply ? tab('reply', t('reply')) : null}
        {tab('note', t('note'))}
      </div>
      {mode === 'reply' && reply ? (
        reply
      ) : (
        <section aria-label={t('note')} className="rounded-lg border border-amber-300 bg-white shadow-sm">
          <NoteComposer conversationId={conversationId} colleagues={colleagues} />
        </section>
      )}
    </div>
  );
}
