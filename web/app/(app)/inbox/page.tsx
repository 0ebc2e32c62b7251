import type { Metadata } from 'next';
import { PageHeader } from '@/components/page-header';
import { requireMe } from '@/lib/session';

export const metadata: Metadata = { title: 'Inbox' };

export default async function InboxPage() {
  const me = await requireMe();
  return (
    <>
      <PageHeader title="Inbox" description={`Welcome, ${me.name}.`} />
      <section className="flex flex-col items-center gap-2 px-6 py-20 text-center">
        <h2 className="text-base font-semibold">No conversations yet</h2>
        <p className="max-w-md text-sm text-slate-600">
          Conversations from email, chat and forms will be listed here, newest activity first.
        </p>
      </section>
    </>
  );
}
