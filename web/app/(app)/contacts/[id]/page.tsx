import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { PageHeader } from '@/components/page-header';
import { getAccount, getContact, getMe, getReplyAddress } from '@/lib/api';
import { can } from '@/lib/permissions';
import { ReplyAddress } from './reply-address';
import { displayClock } from '@/lib/display-clock';
import { formatInstant } from '@/lib/time';
import { wordedRefusal } from '@/lib/worded-refusal';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('contacts'))('contactTitle') };
}

export default async function ContactPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const [account, contact, me] = await Promise.all([getAccount(), getContact(id), getMe()]);
  if (!contact) notFound();
  // Only those who write to contacts have a use for an address that starts conversations.
  const answer = me && can(me, 'contacts.reply-address.read') ? await getReplyAddress(contact.id) : null;
  const replyAddress = answer && 'reason' in answer ? { reason: await wordedRefusal({ code: answer.code, status: 409 }) } : answer;
  const t = await getTranslations('contacts');
  const clock = await displayClock(account);
  return (
    <>
      <PageHeader
        title={contact.name}
        description={
          <>
            {t.rich('back', {
              email: contact.email,
              link: (chunks) => (
                <Link href="/contacts" className="hover:underline">
                  {chunks}
                </Link>
              ),
            })}
          </>
        }
      />
      <div className="grid grid-cols-1 gap-6 p-4 sm:p-6 lg:grid-cols-2">
        {replyAddress ? <ReplyAddress answer={replyAddress} /> : null}
        <section aria-labelledby="conversations-heading" className="flex flex-col gap-3">
          <h2 id="conversations-heading" className="text-base font-semibold">
            {t('conversations')}
          </h2>
          {contact.conversations.length === 0 ? (
            <p className="text-sm text-slate-600">{t('noConversations')}</p>
          ) : (
            <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white" data-testid="contact-conversations">
              {contact.conversations.map((conversation) => (
                <li key={conversation.id} className="flex flex-wrap items-baseline justify-between gap-2 px-4 py-3 text-sm">
                  <span className="font-medium">{conversation.subject}</span>
                  <span className="text-slate-500">
                    {t('conversationMeta', { channel: conversation.channel, at: formatInstant(conversation.startedAt, clock) })}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>
        <section aria-labelledby="activity-heading" className="flex flex-col gap-3">
          <h2 id="activity-heading" className="text-base font-semibold">
            {t('activity')}
          </h2>
          <ol className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white" data-testid="contact-activity">
            {contact.recentActivity.map((activity, index) => (
              <li key={`${activity.type}-${index}`} className="flex justify-between gap-2 px-4 py-3 text-sm">
                <span>{t.has(`activities.${activity.type}`) ? t(`activities.${activity.type}` as 'activities.created') : activity.type}</span>
                <span className="text-slate-500">{formatInstant(activity.at, clock)}</span>
              </li>
            ))}
          </ol>
        </section>
      </div>
    </>
  );
}
