import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { redirect } from 'next/navigation';
import { getMe, getSystemStatus } from '@/lib/api';
import { StatusList } from '@/components/status-list';

export const dynamic = 'force-dynamic';

export default async function StartPage() {
  if (await getMe()) redirect('/inbox');
  const status = await getSystemStatus();
  const t = await getTranslations('pages');
  return (
    <main className="mx-auto flex max-w-3xl flex-col gap-10 px-6 py-16">
      <header className="flex flex-col gap-4">
        <p className="text-sm font-semibold tracking-wide text-brand-600 uppercase">{t('start.brand')}</p>
        <h1 className="text-4xl font-semibold tracking-tight text-balance">
          {t('start.heading')}
        </h1>
        <p className="max-w-2xl text-lg text-slate-600">
          {t('start.intro')}
        </p>
        <div className="flex flex-wrap gap-3">
          <Link href="/signup" className="rounded-md bg-brand-600 px-4 py-2 text-sm font-medium text-white hover:bg-brand-700">
            {t('start.signup')}
          </Link>
          <Link href="/login" className="rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium hover:bg-slate-50">
            {t('start.login')}
          </Link>
        </div>
      </header>
      <section aria-labelledby="status-heading" className="flex flex-col gap-3">
        <h2 id="status-heading" className="text-sm font-semibold text-slate-700">
          {t(`start.status.${status.status}`)}
        </h2>
        <StatusList status={status} />
      </section>
      <footer className="text-sm text-slate-500">
        {t.rich('start.integrating', {
          link: (chunks) => (
            <a className="font-medium text-brand-600 underline-offset-4 hover:underline" href="/api/docs">
              {chunks}
            </a>
          ),
        })}
      </footer>
    </main>
  );
}
