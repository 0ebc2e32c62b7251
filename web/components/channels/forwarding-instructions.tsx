import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';

/** Step-by-step forwarding set-up at the two providers most teams use. */
export function ForwardingInstructions({ address }: { address: string }) {
  const t = useTranslations('channels.instructions');
  const marks = { em: (chunks: ReactNode) => <em>{chunks}</em>, mono: (chunks: ReactNode) => <span className="font-mono">{chunks}</span>, address };
  return (
    <div className="grid gap-4 md:grid-cols-2">
      <section aria-labelledby="gmail-steps" className="rounded-md border border-slate-200 p-4">
        <h3 id="gmail-steps" className="mb-2 text-sm font-semibold">
          {t('gmail')}
        </h3>
        <ol className="list-decimal space-y-1 pl-5 text-sm text-slate-700">
          <li>{t('gmail1')}</li>
          <li>{t.rich('gmail2', marks)}</li>
          <li>{t('gmail3')}</li>
          <li>{t.rich('gmail4', marks)}</li>
        </ol>
      </section>
      <section aria-labelledby="outlook-steps" className="rounded-md border border-slate-200 p-4">
        <h3 id="outlook-steps" className="mb-2 text-sm font-semibold">
          {t('outlook')}
        </h3>
        <ol className="list-decimal space-y-1 pl-5 text-sm text-slate-700">
          <li>{t('outlook1')}</li>
          <li>{t.rich('outlook2', marks)}</li>
          <li>{t.rich('outlook3', marks)}</li>
          <li>{t('outlook4')}</li>
        </ol>
      </section>
    </div>
  );
}
