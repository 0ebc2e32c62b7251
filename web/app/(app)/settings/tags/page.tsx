import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { PageHeader } from '@/components/page-header';
import { getTags } from '@/lib/api';
import { TagRow } from './tag-row';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('tagsPage'))('title') };
}

export default async function TagsPage() {
  const tags = await getTags();
  const t = await getTranslations('tagsPage');
  return (
    <>
      <PageHeader
        title={t('title')}
        description={t('description')}
      />
      <div className="p-6">
        {tags.length === 0 ? (
          <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-sm text-slate-600">{t('empty')}</p>
        ) : (
          <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white" aria-label={t('title')}>
            {tags.map((tag) => (
              <li key={tag.id} data-testid="tag-row" className="px-4 py-3">
                <TagRow
                  tag={tag}
                  counts={
                    <Link href={`/inbox?status=&tag=${encodeURIComponent(tag.name)}`} className="text-sm text-slate-500 hover:underline">
                      {t('counts', { open: tag.openConversations, all: tag.conversations })}
                    </Link>
                  }
                />
              </li>
            ))}
          </ul>
        )}
      </div>
    </>
  );
}
