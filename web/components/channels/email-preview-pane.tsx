import { useTranslations } from 'next-intl';
import type { EmailPreview } from '@/lib/api';

/** The email as the contact will receive it; the body in a sandboxed frame with no scripts. */
export function EmailPreviewPane({ preview, error }: { preview: EmailPreview | null; error?: string }) {
  const t = useTranslations('channels');
  return (
    <section aria-labelledby="preview-heading" aria-live="polite" className="flex flex-col overflow-hidden rounded-lg border border-slate-200 bg-white">
      <h2 id="preview-heading" className="border-b border-slate-200 bg-slate-50 px-4 py-2 text-xs font-semibold tracking-wide text-slate-500 uppercase">
        {t('preview.heading')}
      </h2>
      {error ? (
        <p role="alert" className="p-4 text-sm text-rose-600">
          {error}
        </p>
      ) : preview ? (
        <>
          <dl className="grid grid-cols-[4.5rem_1fr] gap-x-2 gap-y-1 border-b border-slate-100 px-4 py-3 text-sm">
            <dt className="text-slate-500">{t('preview.from')}</dt>
            <dd className="break-words">
              <span data-testid="preview-from">{preview.from}</span>
              {preview.from.includes('<') ? null : <span className="text-slate-400"> {t('preview.noAddress')}</span>}
            </dd>
            <dt className="text-slate-500">{t('preview.subject')}</dt>
            <dd data-testid="preview-subject" className="font-medium">
              {preview.subject}
            </dd>
          </dl>
          <iframe title={t('preview.body')} sandbox="" srcDoc={preview.html} className="h-64 w-full border-0" />
        </>
      ) : (
        <p className="p-4 text-sm text-slate-500">{t('preview.rendering')}</p>
      )}
    </section>
  );
}
