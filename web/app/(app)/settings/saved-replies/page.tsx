import type { Metadata } from 'next';
import Link from 'next/link';
import { PageHeader } from '@/components/page-header';
import { getAccount, getSavedReplies } from '@/lib/api';
import { formatInstant } from '@/lib/time';
import { SavedReplyEditor } from './saved-reply-editor';

export const metadata: Metadata = { title: 'Saved replies' };

export default async function SavedRepliesPage() {
  const [account, { items, variables }] = await Promise.all([getAccount(), getSavedReplies()]);
  return (
    <>
      <PageHeader
        title="Saved replies"
        description="Answers everyone in the account can insert while replying: type / and a name in the reply box, press # in a conversation, or use the Saved replies button."
      />
      <div className="grid gap-6 p-6 xl:grid-cols-[minmax(0,1fr)_minmax(0,1fr)]">
        <section aria-labelledby="saved-replies-heading" className="min-w-0">
          <h2 id="saved-replies-heading" className="mb-3 text-base font-semibold">
            {items.length === 1 ? '1 saved reply' : `${items.length} saved replies`}
          </h2>
          {items.length === 0 ? (
            <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-sm text-slate-600">No saved replies yet. Create the first one.</p>
          ) : (
            <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white" aria-label="Saved replies">
              {items.map((reply) => (
                <li key={reply.id} data-testid="saved-reply-row">
                  <Link href={`/settings/saved-replies/${reply.id}`} className="flex flex-col gap-1 px-4 py-3 text-sm hover:bg-slate-50">
                    <span className="flex flex-wrap items-baseline justify-between gap-2">
                      <span className="font-medium">{reply.name}</span>
                      <span className="text-xs text-slate-500">changed {formatInstant(reply.updatedAt, account)}</span>
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
            New saved reply
          </h2>
          <SavedReplyEditor initial={{ name: '', body: '' }} variables={variables} />
        </section>
      </div>
    </>
  );
}
