import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { PageHeader } from '@/components/page-header';
import { getAccount, getContact, getMe, getReplyAddress } from '@/lib/api';
import { can } from '@/lib/permissions';
import { ReplyAddress } from './reply-address';
import { formatInstant } from '@/lib/time';

export const metadata: Metadata = { title: 'Contact' };

const ACTIVITY_LABELS: Record<string, string> = {
  created: 'Contact created',
  form_submitted: 'Form submitted',
  chat_started: 'Chat started',
  details_changed: 'Details changed',
};

export default async function ContactPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const [account, contact, me] = await Promise.all([getAccount(), getContact(id), getMe()]);
  if (!contact) notFound();
  // Only those who write to contacts have a use for an address that starts conversations.
  const replyAddress = me && can(me, 'contacts.reply-address.read') ? await getReplyAddress(contact.id) : null;
  return (
    <>
      <PageHeader
        title={contact.name}
        description={
          <>
            <Link href="/contacts" className="hover:underline">
              ← Contacts
            </Link>{' '}
            · {contact.email}
          </>
        }
      />
      <div className="grid grid-cols-1 gap-6 p-4 sm:p-6 lg:grid-cols-2">
        {replyAddress ? <ReplyAddress answer={replyAddress} /> : null}
        <section aria-labelledby="conversations-heading" className="flex flex-col gap-3">
          <h2 id="conversations-heading" className="text-base font-semibold">
            Conversations
          </h2>
          {contact.conversations.length === 0 ? (
            <p className="text-sm text-slate-600">No conversations yet.</p>
          ) : (
            <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white" data-testid="contact-conversations">
              {contact.conversations.map((conversation) => (
                <li key={conversation.id} className="flex flex-wrap items-baseline justify-between gap-2 px-4 py-3 text-sm">
                  <span className="font-medium">{conversation.subject}</span>
                  <span className="text-slate-500">
                    {conversation.channel} · {formatInstant(conversation.startedAt, account)}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>
        <section aria-labelledby="activity-heading" className="flex flex-col gap-3">
          <h2 id="activity-heading" className="text-base font-semibold">
            Recent activity
          </h2>
          <ol className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white" data-testid="contact-activity">
            {contact.recentActivity.map((activity, index) => (
              <li key={`${activity.type}-${index}`} className="flex justify-between gap-2 px-4 py-3 text-sm">
                <span>{ACTIVITY_LABELS[activity.type] ?? activity.type}</span>
                <span className="text-slate-500">{formatInstant(activity.at, account)}</span>
              </li>
            ))}
          </ol>
        </section>
      </div>
    </>
  );
}
