import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { PageHeader } from '@/components/page-header';
import { getAccount, getSavedReplies, getSavedReply } from '@/lib/api';
import { formatInstant } from '@/lib/time';
import { DeleteSavedReply } from '../delete-saved-reply';
import { SavedReplyEditor } from '../saved-reply-editor';

export const metadata: Metadata = { title: 'Saved reply' };

export default async function SavedReplyPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const [account, reply, { variables }] = await Promise.all([getAccount(), getSavedReply(id), getSavedReplies()]);
  if (!reply) notFound();
  return (
    <>
      <PageHeader
        title={reply.name}
        description={
          <>
            <Link href="/settings/saved-replies" className="hover:underline">
              ← Saved replies
            </Link>{' '}
            · changed {formatInstant(reply.updatedAt, account)}
          </>
        }
        actions={<DeleteSavedReply id={reply.id} name={reply.name} />}
      />
      <div className="max-w-3xl p-6">
        <section aria-label="Edit saved reply" className="rounded-lg border border-slate-200 bg-white p-4">
          <SavedReplyEditor id={reply.id} initial={{ name: reply.name, body: reply.body }} variables={variables} />
        </section>
      </div>
    </>
  );
}
