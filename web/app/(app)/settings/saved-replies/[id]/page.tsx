import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { PageHeader } from '@/components/page-header';
import { getAccount, getSavedReplies, getSavedReply } from '@/lib/api';
import { displayClock } from '@/lib/display-clock';
import { formatInstant } from '@/lib/time';
import { DeleteSavedReply } from '../delete-saved-reply';
import { SavedReplyEditor } from '../saved-reply-editor';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('savedRepliesPage'))('replyTitle') };
}

export default async function SavedReplyPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const [account, reply, { variables }] = await Promise.all([getAccount(), getSavedReply(id), getSavedReplies()]);
  if (!reply) notFound();
  const t = await getTranslations('savedRepliesPage');
  const clock = await displayClock(account);
  return (
    <>
      <PageHeader
        title={reply.name}
        description={
          <>
            {t.rich('backChanged', {
              at: formatInstant(reply.updatedAt, clock),
              link: (chunks) => (
                <Link href="/settings/saved-replies" className="hover:underline">
                  {chunks}
                </Link>
              ),
            })}
          </>
        }
        actions={<DeleteSavedReply id={reply.id} name={reply.name} />}
      />
      <div className="max-w-3xl p-6">
        <section aria-label={t('edit')} className="rounded-lg border border-slate-200 bg-white p-4">
          <SavedReplyEditor id={reply.id} initial={{ name: reply.name, body: reply.body }} variables={variables} />
        </section>
      </div>
    </>
  );
}
