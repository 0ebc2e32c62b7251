'use client';

import { useTranslations } from 'next-intl';
import { useMemo, useState } from 'react';
// The sanitizer's own list of the classes mail clients mark quoted text with: one list for both.
import { hasQuotedText, QUOTED_TEXT_SELECTOR } from '../../../src/contexts/inbound-mail/domain/mail-client-classes';

/**
 * A mail's HTML (already sanitized by the server) in a frame that may run nothing: `sandbox` with no
 * permissions, and a content policy that loads no remote image until the agent asks for them.
 * Quoted text is folded the same way mail clients mark it.
 */
export function MailBody({ html, text, replyText }: { html: string | null; text: string; replyText: string }) {
  const t = useTranslations('thread.mail');
  const [showQuoted, setShowQuoted] = useState(false);
  const [showImages, setShowImages] = useState(false);
  const hasRemoteImages = Boolean(html?.includes('data-remote-src='));
  const document = useMemo(() => (html ? frameDocument(html, { showQuoted, showImages }) : null), [html, showQuoted, showImages]);
  const visibleText = showQuoted || !replyText ? text : replyText;
  const folded = html ? hasQuotedText(html) : replyText.length > 0 && replyText.length < text.length;

  return (
    <div className="flex flex-col gap-2">
      {document ? (
        <iframe title={t('frame')} sandbox="" srcDoc={document} className="h-72 w-full rounded-md border border-slate-100 bg-white" data-testid="mail-frame" />
      ) : (
        <pre className="font-sans text-sm whitespace-pre-wrap text-slate-800">{visibleText}</pre>
      )}
      <div className="flex gap-3 text-sm">
        {folded ? (
          <button type="button" className="font-medium text-brand-600 hover:underline" onClick={() => setShowQuoted(!showQuoted)}>
            {showQuoted ? t('hideQuoted') : t('showQuoted')}
          </button>
        ) : null}
        {hasRemoteImages && !showImages ? (
          <button type="button" className="font-medium text-brand-600 hover:underline" onClick={() => setShowImages(true)}>
            {t('showImages')}
          </button>
        ) : null}
      </div>
    </div>
  );
}

function frameDocument(html: string, { showQuoted, showImages }: { showQuoted: boolean; showImages: boolean }): string {
  const body = showImages ? html.replace(/data-remote-src=/g, 'src=') : html;
  const images = showImages ? "img-src 'self' https: http: data:" : "img-src 'self'";
  const fold = showQuoted ? '' : `${QUOTED_TEXT_SELECTOR} { display: none !important; }`; // not words for people
  return `<!doctype html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; ${images}; style-src 'unsafe-inline'"><base target="_blank"><style>body{margin:0;padding:8px;font:14px/1.5 system-ui,sans-serif;color:#0f172a;word-wrap:break-word}table{max-width:100%}${fold}</style></head><body>${body}</body></html>`;
}
