import type { Metadata } from 'next';
import Link from 'next/link';
import { PageHeader } from '@/components/page-header';
import { getAccount, getForms } from '@/lib/api';
import { formatInstant } from '@/lib/time';

export const metadata: Metadata = { title: 'Forms' };

export default async function FormsPage() {
  const [account, forms] = await Promise.all([getAccount(), getForms()]);
  return (
    <>
      <PageHeader
        title="Forms"
        description="Forms on your site or on a hosted page: each submission opens a conversation with the person who sent it."
        actions={
          <Link href="/settings/forms/new" className="rounded-md bg-brand-600 px-3.5 py-2 text-sm font-medium text-white hover:bg-brand-700">
            New form
          </Link>
        }
      />
      <div className="p-6">
        {forms.length === 0 ? (
          <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-sm text-slate-600">
            No forms yet. Create one, then embed it on your site or share its hosted page.
          </p>
        ) : (
          <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white" aria-label="Forms">
            {forms.map((form) => (
              <li key={form.id} data-testid="form-row">
                <Link href={`/settings/forms/${form.id}`} className="flex flex-wrap items-baseline justify-between gap-2 px-4 py-3 text-sm hover:bg-slate-50">
                  <span className="font-medium">{form.name}</span>
                  <span className="text-slate-500">
                    {form.fields.length} fields · {form.submissions} submissions
                    {form.lastSubmittedAt ? ` · last ${formatInstant(form.lastSubmittedAt, account)}` : ''}
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
