import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { PageHeader } from '@/components/page-header';
import { getAccount, getForms } from '@/lib/api';
import { displayClock } from '@/lib/display-clock';
import { formatInstant } from '@/lib/time';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('forms'))('title') };
}

export default async function FormsPage() {
  const [account, forms] = await Promise.all([getAccount(), getForms()]);
  const t = await getTranslations('forms');
  const clock = await displayClock(account);
  return (
    <>
      <PageHeader
        title={t('title')}
        description={t('description')}
        actions={
          <Link href="/settings/forms/new" className="rounded-md bg-brand-600 px-3.5 py-2 text-sm font-medium text-white hover:bg-brand-700">
            {t('new')}
          </Link>
        }
      />
      <div className="p-6">
        {forms.length === 0 ? (
          <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-sm text-slate-600">
            {t('empty')}
          </p>
        ) : (
          <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white" aria-label={t('title')}>
            {forms.map((form) => (
              <li key={form.id} data-testid="form-row">
                <Link href={`/settings/forms/${form.id}`} className="flex flex-wrap items-baseline justify-between gap-2 px-4 py-3 text-sm hover:bg-slate-50">
                  <span className="font-medium">{form.name}</span>
                  <span className="text-slate-500">
                    {form.lastSubmittedAt
                      ? t('summaryWithLast', { fields: form.fields.length, submissions: form.submissions, last: formatInstant(form.lastSubmittedAt, clock) })
                      : t('summary', { fields: form.fields.length, submissions: form.submissions })}
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </div>
    </>
  );
}
