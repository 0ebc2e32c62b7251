import type { Metadata } from 'next';
import Link from 'next/link';
import { LiveRefresh } from '@/components/inbox/live-refresh';
import { PageHeader } from '@/components/page-header';
import { getAccount, getConversations } from '@/lib/api';
import { formatInstant } from '@/lib/time';

export const metadata: Metadata = { title: 'Inbox' };

const FILTERS = [
  { label: 'Open', status: 'open' },
  { label: 'Closed', status: 'closed' },
  { label: 'All', status: '' },
] as const;

export default async function InboxPage({ searchParams }: { searchParams: Promise<{ status?: string; cursor?: string }> }) {
  const { status = 'open', cursor } = await searchParams;
  const [account, page] = await Promise.all([getAccount(), getConversations({ status, cursor })]);
  return (
    <>
      <PageHeader title="Inbox" description="Every conversation, newest activity first." actions={<LiveRefresh />} />
      <nav aria-label="Filter by status" className="flex gap-1 border-b border-slate-200 bg-white px-6">
        {FILTERS.map((filter) => (
          <Link
            key={filter.label}
            href={filter.status ? `/inbox?status=${filter.status}` : '/inbox?status='}
            aria-current={status === filter.status ? 'page' : undefined}
            className={`border-b-2 px-3 py-2 text-sm font-medium ${status === filter.status ? 'border-brand-600 text-brand-700' : 'border-transparent text-slate-600 hover:text-slate-900'}`}
          >
            {filter.label}
          </Link>
        ))}
      </nav>
      <section className="p-6">
        {page.items.length === 0 ? (
          <div className="flex flex-col items-center gap-2 rounded-lg border border-slate-200 bg-white px-6 py-16 text-center">
            <h2 className="text-base font-semibold">No conversations here</h2>
            <p className="max-w-md text-sm text-slate-600">Mail sent to your forwarding address appears here as it arrives.</p>
          </div>
        ) : (
          <ul className="divide-y divide-slate-100 overflow-hidden rounded-lg border border-slate-200 bg-white" aria-label="Conversations">
            {page.items.map((conversation) => (
              <li key={conversation.id}>
                <Link href={`/inbox/${conversation.id}`} className="grid grid-cols-[1fr_auto] gap-x-4 gap-y-0.5 px-4 py-3 hover:bg-slate-50 focus:bg-brand-50" data-testid="conversation-row">
                  <span className="truncate text-sm font-semibold">{conversation.contact.name}</span>
                  <time dateTime={conversation.lastMessageAt} className="text-xs text-slate-500">
                    {formatInstant(conversation.lastMessageAt, account)}
                  </time>
                  <span className="truncate text-sm">{conversation.subject}</span>
                  <span className="text-xs text-slate-500 uppercase">{conversation.channel}</span>
                  <span className="col-span-2 truncate text-sm text-slate-500">{conversation.preview}</span>
                </Link>
              </li>
            ))}
          </ul>
        )}
        {page.nextCursor ? (
          <div className="mt-4">
            <Link className="text-sm font-medium text-brand-600 hover:underline" href={`/inbox?status=${status}&cursor=${page.nextCursor}`}>
              Older conversations →
            </Link>
          </div>
        ) : null}
      </section>
    </>
  );
}
