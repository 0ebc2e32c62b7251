'use client';

import { useTranslations } from 'next-intl';

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations('pages');
  return (
    <main role="alert" className="mx-auto flex max-w-xl flex-col gap-4 px-6 py-16">
      <h1 className="text-2xl font-semibold">{t('error.heading')}</h1>
      <p className="text-slate-600">{error.message || t('error.unexpected')}</p>
      <div>
        <button
          type="button"
          onClick={reset}
          className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700"
        >
          {t('error.retry')}
        </button>
      </div>
    </main>
  );
}
