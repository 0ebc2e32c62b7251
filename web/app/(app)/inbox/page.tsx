import type { Metadata } from 'next';
import Link from 'next/link';
import { InboxList } from '@/components/inbox/inbox-list';
import { LiveRefresh } from '@/components/inbox/live-refresh';
import { PageHeader } from '@/components/page-header';
import { getAccount, getAssignees, getConversations, getTags } from '@/lib/api';
import { TagFilter } from '@/components/inbox/tag-filter';
import { can } from '@/lib/permissions';
import { requireMe } from '@/lib/session';
import { formatInstant } from '@/lib/time';

export const metadata: Metadata = { title: 'Inbox' };

const FILTERS = [
  { label: 'Open', status: 'open' },
  { label: 'Snoozed', status: 'snoozed' },
  { label: 'Closed', status: 'closed' },
  { label: 'All', status: '' },
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
  const [account, page, me, tags] = await Promise.all([getAccount(), getConversations({ status, cursor, q: query, tag }), requireMe(), getTags()]);
  // Bulk actions are for those who may close, reopen, assign, tag and snooze.
  const bulk = can(me, 'conversations.manage') ? { assignees: await getAssignees(), me: me.userId, tags: tags.map((known) => known.name) } : undefined;
  const { open, snoozed, closed } = page.counts;
  const count = (tab: string) => (tab === 'open' ? open : tab === 'snoozed' ? snoozed : tab === 'closed' ? closed : open + snoozed + closed);
  return (
    <>
      <PageHeader title="Inbox" description="Every conversation, newest activity first." actions={<LiveRefresh />} />
      <div className="flex flex-wrap items-end justify-between gap-3 border-b border-slate-200 bg-white px-4 sm:px-6">
        <nav aria-label="Filter by status" className="flex flex-wrap gap-1">
          {FILTERS.map((filter) => (
            <Link
              key={filter.label}
              href={href({ status: filter.status, q: query, tag })}
              aria-current={status === filter.status ? 'page' : undefined}
              className={`flex items-center gap-1.5 border-b-2 px-3 py-2 text-sm font-medium ${status === filter.status ? 'border-brand-600 text-brand-700' : 'border-transparent text-slate-600 hover:text-slate-900'}`}
            >
              {filter.label}
              <span className="rounded-full bg-slate-100 px-1.5 text-xs font-medium text-slate-600 tabular-nums" data-testid={`count-${filter.label.toLowerCase()}`}>
                {count(filter.status).toLocaleString(account.locale)}
              </span>
            </Link>
          ))}
        </nav>
        <TagFilter
          current={tag}
          options={tags.map((t) => ({ name: t.name, count: t.openConversations.toLocaleString(account.locale), href: href({ status, q: query, tag: t.name }) }))}
          clearHref={href({ status, q: query })}
        />
        <form role="search" action="/inbox" method="get" className="flex w-full items-center gap-2 py-2 sm:w-auto">
          <input type="hidden" name="status" value={status} />
          {tag ? <input type="hidden" name="tag" value={tag} /> : null}
          <label htmlFor={SEARCH_INPUT} className="sr-only">
            Search conversations
          </label>
          <input
            id={SEARCH_INPUT}
            name="q"
            type="search"
            defaultValue={query}
            maxLength={200}
            placeholder="Search conversations (press /)"
            className="min-w-0 flex-1 rounded-md border border-slate-300 px-3 py-1.5 text-sm placeholder:text-slate-500 focus:border-brand-500 sm:w-72 sm:flex-none"
          />
          <button type="submit" className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-50">
            Search
          </button>
          {query ? (
            <Link href={href({ status, q: '', tag })} className="text-sm text-slate-600 hover:underline">
              Clear
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
              <h2 className="text-base font-semibold">{query ? `Nothing matches “${query}”` : tag ? `No conversations tagged “${tag}” here` : 'No conversations here'}</h2>
              <p className="max-w-md text-sm text-slate-600">
                {query
                  ? 'Search looks at subjects, the text of messages, contact names and addresses, and tags.'
                  : 'Mail sent to your forwarding address appears here as it arrives.'}
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
            when: formatInstant(item.lastMessageAt, account),
            tags: item.tags,
          }))}
        />
      </section>
    </>
  );
}
