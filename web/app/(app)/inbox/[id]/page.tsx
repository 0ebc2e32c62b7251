import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { LiveRefresh } from '@/components/inbox/live-refresh';
import { MailBody } from '@/components/inbox/mail-body';
import { MarkSeen } from '@/components/inbox/mark-seen';
import { PageHeader } from '@/components/page-header';
import { getAccount, getAssignees, getTags, getThread } from '@/lib/api';
import { ConversationActions } from '@/components/inbox/conversation-actions';
import { DeliveryStatus } from '@/components/inbox/delivery-status';
import { ReplyComposer } from '@/components/inbox/reply-composer';
import { TagPicker } from '@/components/inbox/tag-picker';
import { ThreadShortcuts } from '@/components/inbox/thread-shortcuts';
import { can } from '@/lib/permissions';
import { requireMe } from '@/lib/session';
import { formatInstant } from '@/lib/time';

export const metadata: Metadata = { title: 'Conversation' };

const KIND_LABELS: Record<string, string> = { 'auto-reply': 'Auto-reply', bounce: 'Bounce', 'feedback-report': 'Spam report', form: 'Form submission', chat: 'Chat' };
/** When the newest inbound message shown arrived: what opening the thread marks as seen. */
const latestInboundAt = (messages: Array<{ direction: string; receivedAt: string }>) =>
  messages.filter((m) => m.direction === 'inbound').reduce<string | null>((latest, m) => (latest === null || m.receivedAt > latest ? m.receivedAt : latest), null);
/** Only mail that came in has an original .eml; form submissions, chat lines and our replies do not. */
const hasRawMail = (message: { direction: string; kind: string }) => message.direction === 'inbound' && message.kind !== 'form' && message.kind !== 'chat';

export default async function ThreadPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const [account, thread, me, assignees, tags] = await Promise.all([getAccount(), getThread(id), requireMe(), getAssignees(), getTags()]);
  if (!thread) notFound();
  const canReply = can(me, 'conversations.reply');
  const canManage = can(me, 'conversations.manage');
  return (
    <>
      <PageHeader
        title={thread.subject}
        description={
          <>
            <Link href="/inbox" className="hover:underline">
              ← Inbox
            </Link>{' '}
            · <Link href={`/contacts/${thread.contact.id}`} className="hover:underline">{thread.contact.name}</Link> ·{' '}
            <span data-testid="conversation-status">{thread.status}</span>
          </>
        }
        actions={
          <div className="flex items-center gap-4">
            <LiveRefresh />
            {canReply || canManage ? <ThreadShortcuts /> : null}
            {canManage ? <ConversationActions id={thread.id} status={thread.status} assignee={thread.assignee} me={me.userId} assignees={assignees} /> : null}
          </div>
        }
      />
      <MarkSeen id={thread.id} latestInboundAt={latestInboundAt(thread.messages)} />
      <div className="flex flex-col gap-4 p-6">
        <TagPicker conversationId={thread.id} tags={thread.tags} known={tags.map((tag) => tag.name)} canEdit={canManage} />
        {thread.linkedConversationIds.length > 0 ? (
          <p className="text-sm text-slate-600">
            Linked:{' '}
            {thread.linkedConversationIds.map((linked) => (
              <Link key={linked} href={`/inbox/${linked}`} className="mr-2 font-medium text-brand-600 hover:underline">
                another conversation
              </Link>
            ))}
          </p>
        ) : null}
        <ol className="flex flex-col gap-4" aria-label="Messages">
          {thread.messages.map((message) => (
            <li
              key={message.id}
              className={`rounded-lg border p-4 ${message.direction === 'outbound' ? 'ml-8 border-brand-100 bg-brand-50/40' : 'border-slate-200 bg-white'}`}
              data-testid="thread-message"
              data-direction={message.direction}
            >
              <header className="mb-3 flex flex-wrap items-baseline justify-between gap-2 text-sm">
                <span>
                  <span className="font-semibold">{message.from?.name || message.from?.address || 'Unknown sender'}</span>{' '}
                  <span className="text-slate-500">{message.from?.address}</span>
                  {KIND_LABELS[message.kind] ? (
                    <span className="ml-2 rounded-full bg-amber-50 px-2 py-0.5 text-xs font-medium text-amber-800">{KIND_LABELS[message.kind]}</span>
                  ) : null}
                </span>
                <time dateTime={message.sentAt} className="text-slate-500">
                  {formatInstant(message.sentAt, account)}
                </time>
              </header>
              {message.direction === 'outbound' ? (
                <pre className="font-sans text-sm whitespace-pre-wrap text-slate-800">{message.text}</pre>
              ) : (
                <MailBody html={message.html} text={message.text} replyText={message.replyText} />
              )}
              {message.truncated ? (
                <p role="note" className="mt-3 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid="message-shortened">
                  This message was shortened; the full original is in the{' '}
                  <a className="font-medium underline" href={`/api/messages/${message.id}/raw`}>
                    .eml
                  </a>
                  .
                </p>
              ) : null}
              {message.deliveryStatus ? (
                <div className="mt-3">
                  <DeliveryStatus
                    conversationId={thread.id}
                    messageId={message.id}
                    status={message.deliveryStatus}
                    error={message.deliveryError}
                    nextAttemptAt={message.nextAttemptAt}
                    canRetry={canReply}
                  />
                </div>
              ) : null}
              {message.attachments.filter((a) => !a.inline).length + message.omittedAttachments.length > 0 ? (
                <ul className="mt-3 flex flex-wrap gap-2 text-sm" aria-label="Attachments">
                  {message.attachments
                    .filter((a) => !a.inline)
                    .map((attachment) => (
                      <li key={attachment.id}>
                        <a href={attachment.url} className="rounded-md border border-slate-200 px-2 py-1 hover:bg-slate-50">
                          {attachment.filename ?? 'attachment'} ({Math.ceil(attachment.size / 1024)} KB)
                        </a>
                      </li>
                    ))}
                  {message.omittedAttachments.map((omitted, index) => (
                    <li key={`omitted-${index}`} className="rounded-md border border-dashed border-slate-300 px-2 py-1 text-slate-500">
                      {omitted.filename ?? 'attachment'} left out: {omitted.reason}
                    </li>
                  ))}
                </ul>
              ) : null}
              {hasRawMail(message) ? (
                <footer className="mt-3 text-xs">
                  <a className="text-slate-500 hover:underline" href={`/api/messages/${message.id}/raw`}>
                    Original message (.eml)
                  </a>
                </footer>
              ) : null}
            </li>
          ))}
        </ol>
        {canReply ? <ReplyComposer conversationId={thread.id} composer={thread.composer} /> : null}
      </div>
    </>
  );
}
