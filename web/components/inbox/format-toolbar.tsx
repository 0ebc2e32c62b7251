'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useId, useRef, useState, type RefObject } from 'react';
// The reply markup's one grammar: the server formats the sent reply with it, the preview shows it.
import { formatReply, isLinkableUrl } from '../../../src/contexts/conversations/domain/reply-formatting';

type Box = RefObject<HTMLTextAreaElement | null>;

/** Replaces `start`..`end` of the reply box and selects `select` after it, as typing would (the composer saves the draft). */
function edit(target: HTMLTextAreaElement, text: string, start: number, end: number, select: [number, number]) {
  target.focus();
  target.setRangeText(text, start, end, 'end');
  target.setSelectionRange(select[0], select[1]);
  target.dispatchEvent(new Event('input', { bubbles: true }));
}

/** Puts `mark` around the selection (or takes it away when the selection already has it); no selection: an empty pair, caret inside. */
function wrap(target: HTMLTextAreaElement, mark: string) {
  const { value, selectionStart: start, selectionEnd: end } = target;
  const selected = value.slice(start, end);
  // A double-clicked word can bring its trailing space along: the marks go around the word.
  const trimmed = selected.trimEnd();
  const inner = start + trimmed.length;
  if (trimmed.length > 2 * mark.length && trimmed.startsWith(mark) && trimmed.endsWith(mark)) {
    const unwrapped = trimmed.slice(mark.length, -mark.length);
    edit(target, unwrapped, start, inner, [start, start + unwrapped.length]);
    return;
  }
  if (value.slice(start - mark.length, start) === mark && value.slice(inner, inner + mark.length) === mark && trimmed.length > 0) {
    edit(target, trimmed, start - mark.length, inner + mark.length, [start - mark.length, start - mark.length + trimmed.length]);
    return;
  }
  edit(target, `${mark}${trimmed}${mark}`, start, inner, [start + mark.length, start + mark.length + trimmed.length]);
}

const LINE_MARKS = {
  bullet: { pattern: /^[-*] /, mark: () => '- ' },
  numbered: { pattern: /^\d{1,9}[.)] /, mark: (index: number) => `${index + 1}. ` },
  quote: { pattern: /^> ?/, mark: () => '> ' },
} as const;

/** Starts each line of the selection with the mark (numbered in order), or takes it away when every line has it. */
function markLines(target: HTMLTextAreaElement, kind: keyof typeof LINE_MARKS) {
  const { value, selectionStart, selectionEnd } = target;
  const start = value.lastIndexOf('\n', selectionStart - 1) + 1;
  const endBreak = value.indexOf('\n', selectionEnd > selectionStart && value[selectionEnd - 1] === '\n' ? selectionEnd - 1 : selectionEnd);
  const end = endBreak === -1 ? value.length : endBreak;
  const lines = value.slice(start, end).split('\n');
  const { pattern, mark } = LINE_MARKS[kind];
  const marked = lines.every((line) => pattern.test(line));
  const next = lines.map((line, index) => (marked ? line.replace(pattern, '') : `${mark(index)}${line}`)).join('\n');
  edit(target, next, start, end, [start + next.length, start + next.length]);
}

const TOOLS = [
  { id: 'bold', keys: 'Control+B Meta+B', glyph: 'B', className: 'font-bold', run: (t: HTMLTextAreaElement) => wrap(t, '**') }, // not words for people
  { id: 'italic', keys: 'Control+I Meta+I', glyph: 'I', className: 'italic font-serif', run: (t: HTMLTextAreaElement) => wrap(t, '*') }, // not words for people
  { id: 'link', keys: 'Control+K Meta+K', glyph: '🔗', className: '', run: null }, // not words for people
  { id: 'bullets', keys: undefined, glyph: '•', className: 'font-bold', run: (t: HTMLTextAreaElement) => markLines(t, 'bullet') },
  { id: 'numbers', keys: undefined, glyph: (
      // Drawn, not typed: a visible "1." would be text missing from the button's name for speech input.
      <svg viewBox="0 0 16 16" className="size-4" fill="currentColor">
        <path d="M2 2.5h1.5v4H2.5V3.5H2zM1.8 9.2c.2-.6.7-.9 1.3-.9.7 0 1.2.4 1.2 1 0 .5-.3.8-.8 1.2l-.5.4h1.3v.8H1.8v-.7l1.2-1c.3-.3.4-.4.4-.6 0-.2-.1-.3-.3-.3s-.4.1-.4.4zM6 3.5h8.5v1.5H6zM6 9.5h8.5V11H6z" />
      </svg>
    ),
    className: '', run: (t: HTMLTextAreaElement) => markLines(t, 'numbered') },
  { id: 'quote', keys: undefined, glyph: '❝', className: '', run: (t: HTMLTextAreaElement) => markLines(t, 'quote') },
] as const;

/**
 * Formatting for the reply box: buttons and ⌘/Ctrl+B, I, K put the reply markup's marks around the
 * selection or before its lines (the box stays plain text, so drafts, saved replies and undo keep
 * working on it), and Preview shows the HTML the contact will get, from the same module the server
 * sends it with. The link address is asked for in a small field under the toolbar.
 */
export function FormatToolbar({ box, previewing, onPreview }: { box: Box; previewing: boolean; onPreview: (on: boolean) => void }) {
  const t = useTranslations('composer.format');
  const [linking, setLinking] = useState<{ start: number; end: number } | null>(null);
  const [url, setUrl] = useState('https://');
  const [problem, setProblem] = useState<string | null>(null);
  const urlBox = useRef<HTMLInputElement>(null);
  const urlId = useId();

  const openLink = () => {
    const target = box.current;
    if (!target) return;
    setLinking({ start: target.selectionStart, end: target.selectionEnd });
    setProblem(null);
    setUrl('https://');
  };
  const insertLink = () => {
    const target = box.current;
    if (!target || !linking) return;
    const address = url.trim();
    if (!isLinkableUrl(address)) {
      setProblem(t('badLink'));
      return;
    }
    const label = target.value.slice(linking.start, linking.end).trim() || address;
    const text = `[${label.replace(/[[\]]/g, '')}](${address})`;
    setLinking(null);
    edit(target, text, linking.start, linking.end, [linking.start + text.length, linking.start + text.length]);
  };
  const cancelLink = () => {
    setLinking(null);
    box.current?.focus();
  };

  useEffect(() => {
    if (linking) urlBox.current?.select();
  }, [linking]);

  // The shortcuts work in the reply box itself.
  const shortcuts = useRef({ openLink });
  shortcuts.current = { openLink };
  useEffect(() => {
    const target = box.current;
    if (!target) return;
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return;
      const key = event.key.toLowerCase();
      if (key === 'b') wrap(target, '**');
      else if (key === 'i') wrap(target, '*');
      else if (key === 'k') shortcuts.current.openLink();
      else return;
      event.preventDefault();
    };
    target.addEventListener('keydown', onKey);
    return () => target.removeEventListener('keydown', onKey);
  }, [box]);

  return (
    <div className="border-b border-slate-100">
      <div role="toolbar" aria-label={t('toolbar')} className="flex items-center gap-1 px-3 py-1.5">
        {TOOLS.map((tool) => (
          <button
            key={tool.id}
            type="button"
            aria-label={t(`tools.${tool.id}`)}
            aria-keyshortcuts={tool.keys}
            title={tool.keys ? t('withKey', { tool: t(`tools.${tool.id}`), key: tool.keys.split('+')[1].split(' ')[0] }) : t(`tools.${tool.id}`)}
            disabled={previewing}
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => {
              const target = box.current;
              if (!target) return;
              if (tool.run) tool.run(target);
              else openLink();
            }}
            className={`flex h-7 min-w-7 items-center justify-center rounded px-1.5 text-sm text-slate-700 hover:bg-slate-100 focus:outline-none focus:ring-2 focus:ring-brand-500/40 disabled:opacity-40 ${tool.className}`}
          >
            <span aria-hidden>{tool.glyph}</span>
          </button>
        ))}
        <div className="ml-auto flex rounded-md border border-slate-200 text-xs" role="group" aria-label={t('mode')}>
          <button
            type="button"
            aria-pressed={!previewing}
            onClick={() => onPreview(false)}
            className={`rounded-l-md px-2 py-1 ${previewing ? 'text-slate-600 hover:bg-slate-50' : 'bg-slate-100 font-medium text-slate-900'}`}
          >
            {t('write')}
          </button>
          <button
            type="button"
            aria-pressed={previewing}
            onClick={() => onPreview(true)}
            className={`rounded-r-md px-2 py-1 ${previewing ? 'bg-slate-100 font-medium text-slate-900' : 'text-slate-600 hover:bg-slate-50'}`}
          >
            {t('preview')}
          </button>
        </div>
      </div>
      {linking ? (
        <div className="flex flex-wrap items-center gap-2 border-t border-slate-100 px-3 py-2 text-sm">
          <label htmlFor={urlId} className="text-slate-600">
            {t('linkAddress')}
          </label>
          <input
            ref={urlBox}
            id={urlId}
            type="url"
            value={url}
            aria-invalid={problem !== null}
            onChange={(event) => setUrl(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter') {
                event.preventDefault();
                event.stopPropagation();
                insertLink();
              } else if (event.key === 'Escape') {
                event.preventDefault();
                event.stopPropagation();
                cancelLink();
              }
            }}
            className="min-w-0 flex-1 rounded-md border border-slate-300 px-2 py-1 focus:border-brand-500 focus:outline-none focus:ring-2 focus:ring-brand-500/30"
          />
          <button type="button" onClick={insertLink} className="rounded-md bg-brand-600 px-2 py-1 font-medium text-white hover:bg-brand-700">
            {t('insertLink')}
          </button>
          <button type="button" onClick={cancelLink} className="rounded-md px-2 py-1 text-slate-600 hover:bg-slate-100">
            {t('cancel')}
          </button>
          {problem ? (
            <p role="alert" className="basis-full text-rose-600">
              {problem}
            </p>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}

/**
 * The reply as the contact's mail client shows it: the formatted HTML in a frame that may run nothing
 * (the markup escapes all typed HTML; the frame is the second wall).
 */
export function ReplyPreview({ text }: { text: string }) {
  const t = useTranslations('composer.format');
  const { html } = formatReply(text);
  const empty = `<p style="color:#94a3b8">${escapeHtml(t('nothingToPreview'))}</p>`;
  const document = `<!doctype html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'"><base target="_blank"><style>body{margin:0;padding:12px 16px;font:14px/1.5 system-ui,sans-serif;color:#0f172a;word-wrap:break-word}</style></head><body>${html || empty}</body></html>`;
  return <iframe title={t('previewFrame')} sandbox="" srcDoc={document} className="h-40 w-full bg-white" data-testid="reply-preview" />;
}

/** Catalogue text put into the preview's HTML document. */
function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
