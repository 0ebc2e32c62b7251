import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

// Only the signed-in pages refuse by role, so this shows inside the app's shell and its main landmark.
export default async function Forbidden() {
  const t = await getTranslations('pages');
  return (
    <div className="mx-auto flex max-w-xl flex-col gap-4 px-6 py-16">
      <p className="text-sm font-semibold text-brand-600">403</p>
      <h1 className="text-2xl font-semibold">{t('forbidden.heading')}</h1>
      <p className="text-slate-600">{t('forbidden.body')}</p>
      <Link className="font-medium text-brand-600 underline-offset-4 hover:underline" href="/inbox">
        {t('forbidden.back')}
      </Link>
    </div>
  );
}
