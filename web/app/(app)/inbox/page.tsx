import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { InboxList } from '@/components/inbox/inbox-list';
import { LiveRefresh } from '@/components/inbox/live-refresh';
import { PageHeader } from '@/components/page-header';
import { getAccount, getAssignees, getConversations, getTags } from '@/lib/api';
import { TagFilter } from '@/components/inbox/tag-filter';
import { can } from '@/lib/permissions';
import { requireMe } from '@/lib/session';
import { displayLocale, formatInstant } from '@/lib/time';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('inbox');
  return { title: t('title') };
}

const FILTERS = [
  { key: 'open', status: 'open' },
  { key: 'snoozed', status: 'snoozed' },
  { key: 'closed', status: 'closed' },
  { key: 'all', status: '' },
] as const;

const SEARCH_INPUT = 'inbox-search';

function href(params: { status: string; q: string; tag?: string; cursor?: string }): string {
  const query = new URLSearchParams({ status: params.status });
  if (params.q) query.set('q', params.q);
  if (params.tag) query.set('tag', params.tag);
  if (params.cursor) query.set('cursor', params.cursor);
  return `/inbox?${query}`;
}

export default async function InboxPage({ searchParams }: { searchParams: Promise<{ status?: string; cursor?: string; q?: string; tag?: string }> }) {
  const { status = 'open', cursor, q = '', tag = '' } = await searchParams;
  const query = q.trim();
  const [account, page, me, tags, t, language] = await Promise.all([
    getAccount(),
    getConversations({ status, cursor, q: query, tag }),
    requireMe(),
    getTags(),
    getTranslations('inbox'),
    getLocale(),
  ]);
  // Dates and numbers in the reader's language, on the account's clock.
  const locale = displayLocale(account.locale, language);
  // Bulk actions are for those who may close, reopen, assign, tag and snooze.
  const bulk = can(me, 'conversations.manage') ? { assignees: await getAssignees(), me: me.userId, tags: tags.map((known) => known.name) } : undefined;
  const { open, snoozed, closed } = page.counts;
  const count = (tab: string) => (tab === 'open' ? open : tab === 'snoozed' ? snoozed : tab === 'closed' ? closed : open + snoozed + closed);
  return (
    <>
      <PageHeader title={t('title')} description={t('description')} actions={<LiveRefresh />} />
      <div className="flex flex-wrap items-end justify-between gap-3 border-b border-slate-200 bg-white px-4 sm:px-6">
        <nav aria-label={t('filters.label')} className="flex flex-wrap gap-1">
          {FILTERS.map((filter) => (
            <Link
              key={filter.key}
              href={href({ status: filter.status, q: query, tag })}
              aria-current={status === filter.status ? 'page' : undefined}
              className={`flex items-center gap-1.5 border-b-2 px-3 py-2 text-sm font-medium ${status === filter.status ? 'border-brand-600 text-brand-700' : 'border-transparent text-slate-600 hover:text-slate-900'}`}
            >
              {t(`filters.${filter.key}`)}
              <span className="rounded-full bg-slate-100 px-1.5 text-xs font-medium text-slate-600 tabular-nums" data-testid={`count-${filter.key}`}>
                {count(filter.status).toLocaleString(locale)}
              </span>
            </Link>
          ))}
        </nav>
        <TagFilter
          current={tag}
          options={tags.map((known) => ({ name: known.name, count: known.openConversations.toLocaleString(locale), href: href({ status, q: query, tag: known.name }) }))}
          clearHref={href({ status, q: query })}
        />
        <form role="search" action="/inbox" method="get" className="flex w-full items-center gap-2 py-2 sm:w-auto">
          <input type="hidden" name="status" value={status} />
          {tag ? <input type="hidden" name="tag" value={tag} /> : null}
          <label htmlFor={SEARCH_INPUT} className="sr-only">
            {t('search.label')}
          </label>
          <input
            id={SEARCH_INPUT}
            name="q"
            type="search"
            defaultValue={query}
            maxLength={200}
            placeholder={t('search.placeholder')}
            className="min-w-0 flex-1 rounded-md border border-slate-300 px-3 py-1.5 text-sm placeholder:text-slate-500 focus:border-brand-500 sm:w-72 sm:flex-none"
          />
          <button type="submit" className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-50">
            {t('search.submit')}
          </button>
          {query ? (
            <Link href={href({ status, q: '', tag })} className="text-sm text-slate-600 hover:underline">
              {t('search.clear')}
            </Link>
          ) : null}
        </form>
      </div>
      <section className="p-4 sm:p-6">
        <InboxList
          searchInputId={SEARCH_INPUT}
          bulk={bulk}
          empty={
            <div className="flex flex-col items-center gap-2 rounded-lg border border-slate-200 bg-white px-6 py-16 text-center">
              <h2 className="text-base font-semibold">{query ? t('empty.search', { query }) : tag ? t('empty.tag', { tag }) : t('empty.none')}</h2>
              <p className="max-w-md text-sm text-slate-600">
                {query ? t('empty.searchHint') : t('empty.hint')}
              </p>
            </div>
          }
          rows={page.items.map((item) => ({
            id: item.id,
            subject: item.subject,
            contactName: item.contact.name,
            preview: item.preview,
            channel: item.channel,
            status: item.status,
            unread: item.unread,
            lastMessageAt: item.lastMessageAt,
            when: formatInstant(item.lastMessageAt, { timeZone: account.timeZone, locale }),
            tags: item.tags,
          }))}
        />
      </section>
    </>
  );
}
