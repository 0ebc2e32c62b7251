'use client';

import { useActionState, useEffect, useRef, useState } from 'react';
import { sendReply, type ReplyState } from '@/app/actions/conversation.actions';
import { initialFormState } from '@/app/actions/form-state';
import { HeldSend } from '@/components/inbox/held-send';
import { Button } from '@/components/ui/button';
import type { ArrivedMessage, Composer } from '@/lib/api';
import { SavedReplyPicker } from './saved-reply-picker';

/**
 * The reply form. It shows what the contact will get (from line, subject) and, when the API says a
 * reply cannot go out, its reason instead of a form that would fail. ⌘/Ctrl+Enter sends.
 *
 * It sends `savedAt`: the newest message the thread showed when the agent began this reply (the page
 * refreshes live, so that is fixed at the first keystroke, not at each refresh). When someone else
 * added to the thread since, the API holds the reply and the composer shows what arrived.
 */
export function ReplyComposer({ conversationId, composer, newestAt }: { conversationId: string; composer: Composer; newestAt: string | null }) {
  const [state, act, pending] = useActionState(sendReply, initialFormState as ReplyState);
  const form = useRef<HTMLFormElement>(null);
  const body = useRef<HTMLTextAreaElement>(null);
  const shown = useRef(newestAt);
  shown.current = newestAt;
  const began = useRef(false);
  const [savedAt, setSavedAt] = useState(newestAt);
  const [held, setHeld] = useState<ArrivedMessage[] | null>(null);

  useEffect(() => {
    if (state.done) {
      form.current?.reset();
      body.current?.blur();
      began.current = false;
      setHeld(null);
    } else if (state.arrived) {
      setHeld(state.arrived);
    }
  }, [state]);

  /** Edit: the agent has seen what arrived; the reply is checked against anything newer. */
  const edit = (arrived: ArrivedMessage[]) => {
    setSavedAt(arrived.map((message) => message.at).reduce((newest, at) => (at > newest ? at : newest), savedAt ?? ''));
    setHeld(null);
    body.current?.focus();
  };

  if (!composer.canReply) {
    return (
      <section aria-label="Reply" className="rounded-lg border border-dashed border-slate-300 bg-slate-50 p-4 text-sm text-slate-600" data-testid="composer-disabled">
        <p className="font-medium text-slate-800">Replying by email is not possible</p>
        <p>{composer.reason}</p>
      </section>
    );
  }

  return (
    <section aria-label="Reply" className="rounded-lg border border-slate-200 bg-white shadow-sm">
      <form
        ref={form}
        action={act}
        className="flex flex-col"
        onKeyDown={(event) => {
          if (event.key === 'Enter' && (event.metaKey || event.ctrlKey)) {
            event.preventDefault();
            form.current?.requestSubmit();
          }
        }}
      >
        <input type="hidden" name="id" value={conversationId} />
        {savedAt ? <input type="hidden" name="savedAt" value={savedAt} /> : null}
        {composer.note ? (
          <p className="border-b border-slate-100 bg-slate-50 px-4 py-2 text-sm text-slate-700" data-testid="composer-note">
            {composer.note}
          </p>
        ) : null}
        {composer.via === 'email' ? (
          <dl className="grid grid-cols-[4rem_1fr] gap-x-2 gap-y-1 border-b border-slate-100 px-4 py-3 text-sm">
            <dt className="text-slate-500">From</dt>
            <dd className="truncate text-slate-800" data-testid="composer-from">
              {composer.from}
            </dd>
            <dt className="text-slate-500">To</dt>
            <dd className="truncate text-slate-800">{composer.to}</dd>
            <dt className="self-center text-slate-500">
              <label htmlFor="reply-subject">Subject</label>
            </dt>
            <dd>
              <input
                id="reply-subject"
                name="subject"
                defaultValue={state.values?.subject ?? composer.subject}
                aria-invalid={state.field === 'subject'}
                className="w-full rounded-md border border-transparent px-1 py-0.5 hover:border-slate-200 focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-500/30"
              />
            </dd>
          </dl>
        ) : null}
        <label htmlFor="reply-text" className="sr-only">
          Reply
        </label>
        <textarea
          ref={body}
          id="reply-text"
          name="text"
          rows={6}
          required
          placeholder="Write your reply… (press r to start, ⌘/Ctrl+Enter to send)"
          defaultValue={state.values?.text}
          aria-invalid={state.field === 'text'}
          onInput={() => {
            if (began.current) return;
            began.current = true;
            setSavedAt(shown.current);
          }}
          className="w-full resize-y border-0 px-4 py-3 text-sm focus:outline-none focus:ring-2 focus:ring-inset focus:ring-brand-500/30"
          data-reply-box
        />
        {held ? <HeldSend arrived={held} message={state.message} pending={pending} onEdit={() => edit(held)} /> : null}
        <div className="flex items-center justify-between gap-3 border-t border-slate-100 px-4 py-2">
          {state.message && !held ? (
            <p role="alert" className="text-sm text-rose-600">
              {state.message}
            </p>
          ) : (
            <p className="text-xs text-slate-500">Goes to the contact only; the thread shows when it is sent.</p>
          )}
          <div className="flex items-center gap-2">
            <SavedReplyPicker conversationId={conversationId} box={body} />
            <Button type="submit" disabled={pending}>
              {pending ? 'Sending…' : 'Send reply'}
            </Button>
          </div>
        </div>
      </form>
    </section>
  );
}
