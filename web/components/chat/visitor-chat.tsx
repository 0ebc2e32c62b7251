'use client';

import { useTranslations } from 'next-intl';
import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { refusalMessage, type ErrorsTranslator } from '@/lib/refusal-message';

interface Session {
  sessionId: string;
  token: string;
}

interface Line {
  id: string;
  author: 'visitor' | 'agent';
  name: string;
  text: string;
  via: 'chat' | 'email';
  at: string;
}

const control =
  'block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm shadow-sm focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-500/30';

/**
 * The visitor's side of a chat. The session (id and token) is kept in this browser, so a reload
 * continues the same conversation; the live stream is what tells agents the visitor is still here.
 */
export function VisitorChat({ accountId }: { accountId: string }) {
  const storageKey = `inbox-chat:${accountId}`;
  const [session, setSession] = useState<Session | null>(null);
  const [lines, setLines] = useState<Line[]>([]);
  const [visitorEmail, setVisitorEmail] = useState<string | null>(null);
  // An address left but not confirmed yet: the code mailed to it is asked for.
  const [pendingEmail, setPendingEmail] = useState<string | null>(null);
  const [changingEmail, setChangingEmail] = useState(false);
  const [unavailable, setUnavailable] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const [live, setLive] = useState(false);
  const end = useRef<HTMLLIElement>(null);
  const t = useTranslations('chat');
  const errors = useTranslations('errors') as unknown as ErrorsTranslator;
  /** The API's refusal in the visitor's language: its code and field, never its English message. */
  const refusal = useCallback(
    async (answer: Response) => {
      const body = (await answer.json().catch(() => ({}))) as { code?: unknown; field?: unknown };
      return refusalMessage(errors, {
        status: answer.status,
        code: typeof body.code === 'string' ? body.code : undefined,
        field: typeof body.field === 'string' ? body.field : undefined,
        refusal: body,
      });
    },
    [errors],
  );

  const api = useCallback(
    (path: string, init: RequestInit = {}) =>
      fetch(`/api/chat/${encodeURIComponent(accountId)}/sessions/${path}`, {
        ...init,
        headers: { 'Content-Type': 'application/json', ...(session ? { Authorization: `Bearer ${session.token}` } : {}), ...init.headers },
      }),
    [accountId, session],
  );

  useEffect(() => {
    const stored = window.localStorage.getItem(storageKey);
    if (stored) {
      setSession(JSON.parse(stored) as Session);
      return;
    }
    void (async () => {
      const answer = await fetch(`/api/chat/${encodeURIComponent(accountId)}/sessions`, { method: 'POST' });
      if (!answer.ok) return setUnavailable(answer.status === 404 ? t('doesNotExist') : await refusal(answer));
      const body = (await answer.json()) as Session;
      window.localStorage.setItem(storageKey, JSON.stringify({ sessionId: body.sessionId, token: body.token }));
      setSession({ sessionId: body.sessionId, token: body.token });
    })();
  }, [accountId, storageKey, t, refusal]);

  const refresh = useCallback(async () => {
    if (!session) return;
    const answer = await api(`${session.sessionId}/messages`);
    if (answer.status === 401) {
      // The server no longer knows this session (its secret changed): start a new one.
      window.localStorage.removeItem(storageKey);
      window.location.reload();
      return;
    }
    const body = (await answer.json()) as { messages: Line[]; visitor: { email: string | null; pendingEmail?: string | null } | null };
    setLines(body.messages);
    setVisitorEmail(body.visitor?.email ?? null);
    setPendingEmail(body.visitor?.pendingEmail ?? null);
  }, [api, session, storageKey]);

  useEffect(() => {
    if (!session) return;
    void refresh();
    const source = new EventSource(`/api/chat/${encodeURIComponent(accountId)}/sessions/${session.sessionId}/stream?token=${encodeURIComponent(session.token)}`);
    source.addEventListener('ready', () => setLive(true));
    source.addEventListener('chat', () => void refresh());
    source.onerror = () => setLive(false);
    return () => source.close();
  }, [accountId, session, refresh]);

  // In braces: newer browsers return a promise from scrollIntoView, and React would take it for a cleanup.
  useEffect(() => {
    end.current?.scrollIntoView({ block: 'end' });
  }, [lines]);

  async function send(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!session) return;
    const form = event.currentTarget;
    const data = new FormData(form);
    setSending(true);
    setError(null);
    const answer = await api(`${session.sessionId}/messages`, {
      method: 'POST',
      body: JSON.stringify({ text: String(data.get('text') ?? ''), ...(data.get('name') ? { name: String(data.get('name')) } : {}) }),
    });
    setSending(false);
    if (!answer.ok) return setError(await refusal(answer));
    (form.elements.namedItem('text') as HTMLTextAreaElement).value = '';
    await refresh();
  }

  async function leaveEmail(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!session) return;
    const email = String(new FormData(event.currentTarget).get('email') ?? '');
    const answer = await api(`${session.sessionId}/visitor`, { method: 'PUT', body: JSON.stringify({ email }) });
    if (!answer.ok) return setError(await refusal(answer));
    setError(null);
    setChangingEmail(false);
    await refresh();
  }

  async function confirmEmail(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!session) return;
    const form = event.currentTarget;
    const code = String(new FormData(form).get('code') ?? '');
    const answer = await api(`${session.sessionId}/visitor/verification`, { method: 'POST', body: JSON.stringify({ code }) });
    if (!answer.ok) return setError(await refusal(answer));
    setError(null);
    (form.elements.namedItem('code') as HTMLInputElement).value = '';
    await refresh();
  }

  if (unavailable) {
    return (
      <p role="status" className="m-auto p-6 text-center text-sm text-slate-600">
        {unavailable}
      </p>
    );
  }

  return (
    <>
      <header className="flex items-center justify-between border-b border-slate-100 px-4 py-3">
        <h1 className="text-base font-semibold">{t('heading')}</h1>
        <span className="flex items-center gap-1.5 text-xs text-slate-500" data-testid="chat-live" data-live={live}>
          <span aria-hidden className={`size-2 rounded-full ${live ? 'bg-emerald-500' : 'bg-slate-300'}`} />
          {live ? t('connected') : t('connecting')}
        </span>
      </header>
      <ol className="flex flex-1 flex-col gap-2 overflow-y-auto px-4 py-3" aria-label={t('messages')} aria-live="polite">
        {lines.length === 0 ? <li className="m-auto text-sm text-slate-500">{t('empty')}</li> : null}
        {lines.map((line) => (
          <li key={line.id} data-testid="chat-line" data-author={line.author} className={`flex flex-col ${line.author === 'visitor' ? 'items-end' : 'items-start'}`}>
            <span
              className={`max-w-[80%] rounded-2xl px-3 py-2 text-sm whitespace-pre-wrap ${line.author === 'visitor' ? 'bg-brand-600 text-white' : 'bg-slate-100 text-slate-900'}`}
            >
              {line.text}
            </span>
            <span className="mt-0.5 text-[11px] text-slate-600">
              {line.via === 'email' ? t('byEmail', { name: line.author === 'agent' ? line.name : t('you') }) : line.author === 'agent' ? line.name : t('you')}
            </span>
          </li>
        ))}
        <li ref={end} aria-hidden="true" />
      </ol>
      {pendingEmail && !changingEmail ? (
        <form onSubmit={confirmEmail} className="flex flex-col gap-1 border-t border-slate-100 bg-slate-50 px-4 py-2" data-testid="chat-code">
          <div className="flex items-end gap-2">
            <label className="flex flex-1 flex-col gap-1 text-xs text-slate-600">
              {t('enterCode', { email: pendingEmail })}
              <input name="code" required inputMode="numeric" autoComplete="one-time-code" pattern="\s*\d{6}\s*" maxLength={8} className={control} />
            </label>
            <button type="submit" className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium hover:bg-slate-50">
              {t('confirm')}
            </button>
          </div>
          <button type="button" onClick={() => setChangingEmail(true)} className="self-start text-xs text-slate-500 underline hover:text-slate-700">
            {t('anotherAddress')}
          </button>
        </form>
      ) : lines.length > 0 && !visitorEmail ? (
        <form onSubmit={leaveEmail} className="flex items-end gap-2 border-t border-slate-100 bg-slate-50 px-4 py-2">
          <label className="flex flex-1 flex-col gap-1 text-xs text-slate-600">
            {t('leaveEmail')}
            <input name="email" type="email" required autoComplete="email" className={control} />
          </label>
          <button type="submit" className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium hover:bg-slate-50">
            {t('save')}
          </button>
        </form>
      ) : visitorEmail ? (
        <p className="border-t border-slate-100 bg-slate-50 px-4 py-2 text-xs text-slate-600" data-testid="chat-email">
          {t('answerAt', { email: visitorEmail })}
        </p>
      ) : null}
      <form onSubmit={send} className="flex flex-col gap-2 border-t border-slate-200 px-4 py-3">
        {lines.length === 0 ? (
          <label className="flex flex-col gap-1 text-xs text-slate-600">
            {t('name')}
            <input name="name" autoComplete="name" maxLength={100} className={control} />
          </label>
        ) : null}
        <div className="flex items-end gap-2">
          <label htmlFor="chat-text" className="sr-only">
            {t('message')}
          </label>
          <textarea
            id="chat-text"
            name="text"
            rows={2}
            required
            maxLength={5000}
            placeholder={t('placeholder')}
            className={`${control} resize-none`}
            onKeyDown={(event) => {
              if (event.key === 'Enter' && !event.shiftKey) {
                event.preventDefault();
                event.currentTarget.form?.requestSubmit();
              }
            }}
          />
          <button type="submit" disabled={sending || !session} className="rounded-md bg-brand-600 px-3.5 py-2 text-sm font-medium text-white hover:bg-brand-700 disabled:opacity-60">
            {t('send')}
          </button>
        </div>
        {error ? (
          <p role="alert" className="text-sm text-rose-600">
            {error}
          </p>
        ) : null}
      </form>
    </>
  );
}
