import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { PageHeader } from '@/components/page-header';
import { getAccount, getSavedReplies } from '@/lib/api';
import { displayClock } from '@/lib/display-clock';
import { formatInstant } from '@/lib/time';
import { SavedReplyEditor } from './saved-reply-editor';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('savedRepliesPage'))('title') };
}

export default async function SavedRepliesPage() {
  const [account, { items, variables }] = await Promise.all([getAccount(), getSavedReplies()]);
  const t = await getTranslations('savedRepliesPage');
  const clock = await displayClock(account);
  return (
    <>
      <PageHeader
        title={t('title')}
        description={t('description')}
      />
      <div className="grid gap-6 p-6 xl:grid-cols-[minmax(0,1fr)_minmax(0,1fr)]">
        <section aria-labelledby="saved-replies-heading" className="min-w-0">
          <h2 id="saved-replies-heading" className="mb-3 text-base font-semibold">
            {t('count', { count: items.length })}
          </h2>
          {items.length === 0 ? (
            <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-sm text-slate-600">{t('empty')}</p>
          ) : (
            <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white" aria-label={t('title')}>
              {items.map((reply) => (
                <li key={reply.id} data-testid="saved-reply-row">
                  <Link href={`/settings/saved-replies/${reply.id}`} className="flex flex-col gap-1 px-4 py-3 text-sm hover:bg-slate-50">
                    <span className="flex flex-wrap items-baseline justify-between gap-2">
                      <span className="font-medium">{reply.name}</span>
                      <span className="text-xs text-slate-500">{t('changed', { at: formatInstant(reply.updatedAt, clock) })}</span>
                    </span>
                    <span className="line-clamp-2 text-slate-600">{reply.body}</span>
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </section>
        <section aria-labelledby="new-saved-reply-heading" className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="new-saved-reply-heading" className="mb-4 text-base font-semibold">
            {t('newHeading')}
          </h2>
          <SavedReplyEditor initial={{ name: '', body: '' }} variables={variables} />
        </section>
      </div>
    </>
  );
}
