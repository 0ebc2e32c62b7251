import type { Metadata } from 'next';
import Link from 'next/link';
import { PageHeader } from '@/components/page-header';
import { getAccount, getTags } from '@/lib/api';
import { TagRow } from './tag-row';

export const metadata: Metadata = { title: 'Tags' };

export default async function TagsPage() {
  const [account, tags] = await Promise.all([getAccount(), getTags()]);
  return (
    <>
      <PageHeader
        title="Tags"
        description="Agents tag conversations from the thread (press t); a name typed for the first time becomes a tag. A rename shows on every conversation at once; a delete takes the tag off all of them."
      />
      <div className="p-6">
        {tags.length === 0 ? (
          <p className="rounded-lg border border-dashed border-slate-300 bg-white p-6 text-sm text-slate-600">No tags yet.</p>
        ) : (
          <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white" aria-label="Tags">
            {tags.map((tag) => (
              <li key={tag.id} data-testid="tag-row" className="px-4 py-3">
                <TagRow
                  tag={tag}
                  counts={
                    <Link href={`/inbox?status=&tag=${encodeURIComponent(tag.name)}`} className="text-sm text-slate-500 hover:underline">
                      {tag.openConversations.toLocaleString(account.locale)} open · {tag.conversations.toLocaleString(account.locale)} in all
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
