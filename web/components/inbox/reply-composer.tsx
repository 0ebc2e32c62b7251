'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useEffect, useRef, useState } from 'react';
import { sendReply, type ReplyState } from '@/app/actions/conversation.actions';
import { discardDraft, saveDraft } from '@/app/actions/draft.actions';
import { initialFormState } from '@/app/actions/form-state';
import { HeldSend } from '@/components/inbox/held-send';
import { Button } from '@/components/ui/button';
import type { ArrivedMessage, Composer } from '@/lib/api';
import { RecipientField } from './recipient-field';
import { AttachButton, AttachmentChips, useReplyAttachments } from './reply-attachments';
import { FormatToolbar, ReplyPreview } from './format-toolbar';
import { SavedReplyPicker } from './saved-reply-picker';

/** Undo send hands a reply back to the composer through this window event. */
export const RESTORE_REPLY_EVENT = 'inbox:restore-reply';
export interface RestoredReply {
  conversationId: string;
  text: string;
  subject: string;
}

/** The draft is saved this long after the last keystroke. */
const SAVE_AFTER_MS = 1_000;
type DraftStatus = 'none' | 'unsaved' | 'saving' | 'saved' | 'discarding' | 'failed';

/**
 * The reply form. It shows what the contact will get (from line, subject) and, when the API says a
 * reply cannot go out, its reason instead of a form that would fail. ⌘/Ctrl+Enter sends. What is
 * typed is saved as the user's draft a second after they pause, restored on load, and discarded on
 * send or by "Discard".
 *
 * It sends `savedAt`: the newest message the thread showed when the agent began this reply (the page
 * refreshes live, so that is fixed at the first keystroke, not at each refresh). When someone else
 * added to the thread since, the API holds the reply and the composer shows what arrived.
 */
export function ReplyComposer({
  conversationId,
  composer,
  newestAt,
  draft = null,
  colleaguesWithDrafts = [],
  timeZone,
}: {
  conversationId: string;
  composer: Composer;
  newestAt: string | null;
  draft?: { text: string; subject: string | null } | null;
  colleaguesWithDrafts?: string[];
  /** The account's time zone, for the times the composer shows. */
  timeZone?: string;
}) {
  const t = useTranslations('composer.reply');
  const form = useRef<HTMLFormElement>(null);
  const body = useRef<HTMLTextAreaElement>(null);
  const subjectBox = useRef<HTMLInputElement>(null);
  const saveTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const saving = useRef<Promise<unknown>>(Promise.resolve());
  const [restored] = useState(draft);
  const [draftStatus, setDraftStatus] = useState<DraftStatus>(draft ? 'saved' : 'none');
  const shown = useRef(newestAt);
  shown.current = newestAt;
  const began = useRef(false);
  const [savedAt, setSavedAt] = useState(newestAt);
  const [held, setHeld] = useState<ArrivedMessage[] | null>(null);
  // Cc starts as the API's suggestion (the others on the mail answered); the agent removes or adds.
  const [cc, setCc] = useState<string[]>(composer.cc);
  const [bcc, setBcc] = useState<string[]>([]);
  const [showBcc, setShowBcc] = useState(false);
  const recipients = 1 + cc.length + bcc.length;
  const attachments = useReplyAttachments();
  const clearAttachments = attachments.clear;
  // Preview shows the formatted reply instead of the box (which stays in the form, hidden).
  const [previewing, setPreviewing] = useState<string | null>(null);
  const formatted = composer.via === 'email' && !composer.plainTextOnly;

  // A save still on its way lands before the send (which discards the draft), never after it.
  const settleDraft = async () => {
    clearTimeout(saveTimer.current);
    await saving.current;
  };
  const [state, act, pending] = useActionState(async (previous: ReplyState, data: FormData) => {
    await settleDraft();
    return sendReply(previous, data);
  }, initialFormState as ReplyState);

  const editedSubject = () => {
    const subject = subjectBox.current?.value ?? '';
    return subject.trim() === '' || subject === composer.subject ? null : subject;
  };
  const saveNow = () => {
    const text = body.current?.value ?? '';
    setDraftStatus('saving');
    saving.current = saveDraft(conversationId, text, editedSubject()).then(
      (result) => setDraftStatus(!result.ok ? 'failed' : result.savedAt ? 'saved' : 'none'),
      () => setDraftStatus('failed'),
    );
  };
  const scheduleSave = () => {
    clearTimeout(saveTimer.current);
    setDraftStatus('unsaved');
    saveTimer.current = setTimeout(saveNow, SAVE_AFTER_MS);
  };
  const discard = async () => {
    await settleDraft();
    form.current?.reset();
    if (body.current) body.current.value = '';
    if (subjectBox.current) subjectBox.current.value = composer.subject;
    clearAttachments();
    // "none" once the server has let it go: a reload before then could still bring it back.
    setDraftStatus('discarding');
    saving.current = discardDraft(conversationId).then((result) => setDraftStatus(result.ok ? 'none' : 'failed'));
  };

  useEffect(() => () => clearTimeout(saveTimer.current), []);

  useEffect(() => {
    if (state.done) {
      form.current?.reset();
      // The form's default is the draft it was loaded with; the reply is sent, so it starts empty.
      if (body.current) body.current.value = '';
      if (subjectBox.current) subjectBox.current.value = composer.subject;
      setDraftStatus('none');
      body.current?.blur();
      began.current = false;
      setHeld(null);
      setCc(composer.cc);
      setBcc([]);
      setShowBcc(false);
      clearAttachments();
      setPreviewing(null);
    } else if (state.arrived) {
      setHeld(state.arrived);
    }
    // Only a new answer from the action resets the fields; a live refresh of the suggestion does not.
  }, [state, composer.subject, clearAttachments]);

  /** Edit: the agent has seen what arrived; the reply is checked against anything newer. */
  const edit = (arrived: ArrivedMessage[]) => {
    setSavedAt(arrived.map((message) => message.at).reduce((newest, at) => (at > newest ? at : newest), savedAt ?? ''));
    setHeld(null);
    body.current?.focus();
  };

  // Undo send: the reply comes back to be edited (the API has made it the draft again).
  useEffect(() => {
    const restore = (event: Event) => {
      const reply = (event as CustomEvent<RestoredReply>).detail;
      if (reply.conversationId !== conversationId) return;
      clearTimeout(saveTimer.current);
      if (body.current) body.current.value = reply.text;
      if (subjectBox.current) subjectBox.current.value = reply.subject;
      setPreviewing(null);
      setDraftStatus('saved');
      body.current?.focus();
    };
    window.addEventListener(RESTORE_REPLY_EVENT, restore);
    return () => window.removeEventListener(RESTORE_REPLY_EVENT, restore);
  }, [conversationId]);

  if (!composer.canReply) {
    return (
      <section aria-label={t('label')} className="rounded-lg border border-dashed border-slate-300 bg-slate-50 p-4 text-sm text-slate-600" data-testid="composer-disabled">
        <p className="font-medium text-slate-800">{t('disabled')}</p>
        <p>{composer.reason}</p>
      </section>
    );
  }

  return (
    <section aria-label={t('label')} className="relative rounded-lg border border-slate-200 bg-white shadow-sm" {...(composer.via === 'email' ? attachments.dropTarget : {})}>
      {attachments.dragging ? (
        <div
          className="pointer-events-none absolute inset-0 z-10 flex items-center justify-center rounded-lg border-2 border-dashed border-brand-500 bg-brand-50/80 text-sm font-medium text-brand-700"
          data-testid="drop-zone"
        >
          {t('drop')}
        </div>
      ) : null}
      {colleaguesWithDrafts.length > 0 ? (
        <p className="border-b border-slate-100 bg-amber-50 px-4 py-2 text-sm text-amber-900" data-testid="colleague-drafts">
          {t('colleagueDrafts', { count: colleaguesWithDrafts.length, names: colleaguesWithDrafts.join(', ') })}
        </p>
      ) : null}
      <form
        ref={form}
        action={act}
        onInput={scheduleSave}
        className="flex flex-col"
        onKeyDown={(event) => {
          if (event.key === 'Enter' && (event.metaKey || event.ctrlKey)) {
            event.preventDefault();
            form.current?.requestSubmit();
          }
        }}
      >
        <input type="hidden" name="id" value={conversationId} />
        {attachments.attachmentIds.map((attachmentId) => (
          <input key={attachmentId} type="hidden" name="attachmentIds" value={attachmentId} />
        ))}
        {savedAt ? <input type="hidden" name="savedAt" value={savedAt} /> : null}
        {composer.note ? (
          <p className="border-b border-slate-100 bg-slate-50 px-4 py-2 text-sm text-slate-700" data-testid="composer-note">
            {composer.note}
          </p>
        ) : null}
        {composer.via === 'email' ? (
          <dl className="grid grid-cols-[4rem_1fr] gap-x-2 gap-y-1 border-b border-slate-100 px-4 py-3 text-sm">
            <dt className="text-slate-500">{t('from')}</dt>
            <dd className="truncate text-slate-800" data-testid="composer-from">
              {composer.from}
            </dd>
            <dt className="text-slate-500">{t('to')}</dt>
            <dd className="flex items-center justify-between gap-2 text-slate-800">
              <span className="truncate" data-testid="composer-to">
                {composer.to}
              </span>
              <span className="flex shrink-0 items-center gap-3 text-xs">
                <span className={recipients > composer.maxRecipients ? 'font-medium text-rose-600' : 'text-slate-500'} data-testid="recipient-count" aria-live="polite">
                  {t('recipients', { count: recipients, max: composer.maxRecipients })}
                </span>
                {!showBcc ? (
                  <button type="button" className="font-medium text-brand-700 hover:underline" onClick={() => setShowBcc(true)} aria-expanded={false}>
                    {t('bcc')}
                  </button>
                ) : null}
              </span>
            </dd>
            <dt className="self-center text-slate-500">
              <label htmlFor="reply-cc">{t('cc')}</label>
            </dt>
            <dd>
              <RecipientField id="reply-cc" name="cc" label={t('cc')} value={cc} onChange={setCc} invalid={state.field === 'cc' ? refusedAddress(state.message, cc) : null} />
            </dd>
            {showBcc ? (
              <>
                <dt className="self-center text-slate-500">
                  <label htmlFor="reply-bcc">{t('bcc')}</label>
                </dt>
                <dd>
                  <RecipientField id="reply-bcc" name="bcc" label={t('bcc')} value={bcc} onChange={setBcc} invalid={state.field === 'bcc' ? refusedAddress(state.message, bcc) : null} />
                </dd>
              </>
            ) : null}
            <dt className="self-center text-slate-500">
              <label htmlFor="reply-subject">{t('subject')}</label>
            </dt>
            <dd>
              <input
                ref={subjectBox}
                id="reply-subject"
                name="subject"
                defaultValue={state.values?.subject ?? restored?.subject ?? composer.subject}
                aria-invalid={state.field === 'subject'}
                className="w-full rounded-md border border-transparent px-1 py-0.5 hover:border-slate-200 focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-500/30"
              />
            </dd>
          </dl>
        ) : null}
        {formatted ? (
          <FormatToolbar
            box={body}
            previewing={previewing !== null}
            onPreview={(on) => {
              setPreviewing(on ? (body.current?.value ?? '') : null);
              if (!on) setTimeout(() => body.current?.focus(), 0);
            }}
          />
        ) : composer.via === 'email' ? (
          <p className="border-b border-slate-100 px-4 py-2 text-xs text-slate-500" data-testid="plain-text-note">
            {t('plainText')}
          </p>
        ) : null}
        {previewing !== null ? <ReplyPreview text={previewing} /> : null}
        <label htmlFor="reply-text" className="sr-only">
          {t('box')}
        </label>
        <textarea
          ref={body}
          id="reply-text"
          name="text"
          rows={6}
          required
          placeholder={t('placeholder')}
          defaultValue={state.values?.text ?? restored?.text}
          aria-invalid={state.field === 'text'}
          onInput={() => {
            if (began.current) return;
            began.current = true;
            setSavedAt(shown.current);
          }}
          hidden={previewing !== null}
          className="w-full resize-y border-0 px-4 py-3 text-sm focus:outline-none focus:ring-2 focus:ring-inset focus:ring-brand-500/30"
          data-reply-box
        />
        <AttachmentChips files={attachments.files} onRemove={attachments.remove} />
        {composer.via === 'email' && composer.signatures.length > 0 ? (
          // The signatures go below the text when it is sent, so the box does not hold them; this says so.
          <p className="truncate px-4 pb-2 text-xs text-slate-500" data-testid="composer-signature" title={composer.signatures.join('\n\n')}>
            {t('signature', { signature: composer.signatures.map((signature) => signature.replace(/\s*\n\s*/g, ' · ')).join(' — ') })}
          </p>
        ) : null}
        {held ? <HeldSend arrived={held} message={state.message} pending={pending} onEdit={() => edit(held)} timeZone={timeZone} /> : null}
        <div className="flex flex-wrap items-center justify-between gap-3 border-t border-slate-100 px-4 py-2">
          {state.message && !held ? (
            <p role="alert" className="text-sm text-rose-600">
              {state.message}
            </p>
          ) : (
            <p className="text-xs text-slate-500">
              {t('goesTo', { copies: cc.length + bcc.length > 0 ? 'yes' : 'no' })}
            </p>
          )}
          <div className="ml-auto flex flex-wrap items-center justify-end gap-3">
            <span className="text-xs text-slate-500" data-testid="draft-status" data-status={draftStatus} aria-live="polite">
              {draftStatus === 'none' ? '' : t(`draft.${draftStatus}`)}
            </span>
            {draftStatus !== 'none' ? (
              <button type="button" onClick={discard} className="text-sm font-medium text-slate-600 hover:underline">
                {t('discard')}
              </button>
            ) : null}
            {composer.via === 'email' ? <AttachButton onFiles={(files) => attachments.add(files)} /> : null}
            <SavedReplyPicker conversationId={conversationId} box={body} />
            <Button type="submit" disabled={pending || attachments.uploading}>
              {pending ? t('sending') : t('send')}
            </Button>
          </div>
        </div>
      </form>
    </section>
  );
}

/** The chip the API's refusal quotes (`cc: "x" is not an email address…`), so the field can mark it. */
function refusedAddress(message: string | undefined, addresses: readonly string[]): string | null {
  const quoted = message ? /"([^"]*)"/.exec(message)?.[1] : undefined;
  return addresses.find((address) => address === quoted) ?? null;
}
