import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { LiveRefresh } from '@/components/inbox/live-refresh';
import { MailBody } from '@/components/inbox/mail-body';
import { MarkSeen } from '@/components/inbox/mark-seen';
import { PageHeader } from '@/components/page-header';
import { getAccount, getAssignees, getContact, getTags, getThread } from '@/lib/api';
import { ContactPanel } from '@/components/inbox/contact-panel';
import { ConversationActions } from '@/components/inbox/conversation-actions';
import { DeliveryStatus } from '@/components/inbox/delivery-status';
import { ForwardForm } from '@/components/inbox/forward-form';
import { MessageRecipients } from '@/components/inbox/message-recipients';
import { ReplyComposer } from '@/components/inbox/reply-composer';
import { NoteBody } from '@/components/inbox/note-body';
import { ThreadComposer } from '@/components/inbox/thread-composer';
import { ThreadPresence } from '@/components/inbox/thread-presence';
import { PendingReply } from '@/components/inbox/pending-reply';
import { SenderVerdict } from '@/components/inbox/sender-verdict';
import { SnoozeMenu } from '@/components/inbox/snooze-menu';
import { TagPicker } from '@/components/inbox/tag-picker';
import { ThreadShortcuts } from '@/components/inbox/thread-shortcuts';
import { can } from '@/lib/permissions';
import { requireMe } from '@/lib/session';
import { displayLocale, formatInstant } from '@/lib/time';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('thread');
  return { title: t('title') };
}

/** The kinds of message a badge names (their words are in the `thread.kinds` catalogue). */
const KINDS = ['auto-reply', 'bounce', 'feedback-report', 'form', 'chat'] as const;
const badgeKind = (kind: string) => KINDS.find((known) => known === kind);
/** When the newest inbound message shown arrived: what opening the thread marks as seen. */
const latestInboundAt = (messages: Array<{ direction: string; receivedAt: string }>) =>
  messages.filter((m) => m.direction === 'inbound').reduce<string | null>((latest, m) => (latest === null || m.receivedAt > latest ? m.receivedAt : latest), null);
/** When the newest message shown arrived: what a reply begun now has caught up with (its savedAt). */
const newestAt = (messages: Array<{ receivedAt: string }>) => messages.reduce<string | null>((newest, m) => (newest === null || m.receivedAt > newest ? m.receivedAt : newest), null);
/** Only mail that came in has an original .eml; form submissions, chat lines and our replies do not. */
const hasRawMail = (message: { direction: string; kind: string }) => message.direction === 'inbound' && message.kind !== 'form' && message.kind !== 'chat';

export default async function ThreadPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const [account, thread, me, assignees, tags, t, language] = await Promise.all([
    getAccount(),
    getThread(id),
    requireMe(),
    getAssignees(),
    getTags(),
    getTranslations('thread'),
    getLocale(),
  ]);
  if (!thread) notFound();
  // Times in the reader's language, on the account's clock.
  const clock = { timeZone: account.timeZone, locale: displayLocale(account.locale, language) };
  const contact = await getContact(thread.contact.id);
  const canReply = can(me, 'conversations.reply');
  const canManage = can(me, 'conversations.manage');
  const canNote = can(me, 'conversations.note');
  return (
    <>
      <PageHeader
        title={thread.subject}
        description={
          <>
            <Link href="/inbox" className="hover:underline">
              {t('back')}
            </Link>{' '}
            · <Link href={`/contacts/${thread.contact.id}`} className="hover:underline">{thread.contact.name}</Link> ·{' '}
            <span data-testid="conversation-status" data-status={thread.status}>
              {t('status', { status: thread.status })}
            </span>
          </>
        }
        actions={
          <div className="flex flex-wrap items-center gap-4">
            <LiveRefresh />
            {canReply || canManage || canNote ? <ThreadShortcuts /> : null}
            {canManage && thread.status === 'open' ? (
              <SnoozeMenu id={thread.id} snoozedUntil={thread.snoozedUntil} untilLabel={thread.snoozedUntil ? formatInstant(thread.snoozedUntil, clock) : null} />
            ) : null}
            {canManage ? <ConversationActions id={thread.id} status={thread.status} assignee={thread.assignee} me={me.userId} assignees={assignees} /> : null}
          </div>
        }
      />
      <MarkSeen id={thread.id} latestInboundAt={latestInboundAt(thread.messages)} />
      <div className="grid grid-cols-1 items-start gap-6 p-4 sm:p-6 lg:grid-cols-[minmax(0,1fr)_18rem]">
      <div className="flex min-w-0 flex-col gap-4">
        <TagPicker conversationId={thread.id} tags={thread.tags} known={tags.map((tag) => tag.name)} canEdit={canManage} />
        {thread.linkReason === 'unverified-sender' ? (
          <p role="note" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-900" data-testid="unverified-sender-warning">
            {t('unverifiedSender')}
          </p>
        ) : null}
        {thread.linkedConversationIds.length > 0 ? (
          <p className="text-sm text-slate-600">
            {t('linked')}{' '}
            {thread.linkedConversationIds.map((linked) => (
              <Link key={linked} href={`/inbox/${linked}`} className="mr-2 font-medium text-brand-600 hover:underline">
                {t('anotherConversation')}
              </Link>
            ))}
          </p>
        ) : null}
        <ol className="flex flex-col gap-4" aria-label={t('messages')}>
          {thread.messages.map((message) => (
            <li
              key={message.id}
              id={message.direction === 'note' ? `note-${message.id}` : undefined}
              className={`rounded-lg border p-4 ${
                message.direction === 'note'
                  ? 'ml-4 sm:ml-8 scroll-mt-4 border-amber-300 bg-amber-50 target:ring-2 target:ring-amber-400'
                  : message.direction === 'outbound'
                    ? 'ml-4 sm:ml-8 border-brand-100 bg-brand-50/40'
                    : 'border-slate-200 bg-white'
              }`}
              data-testid="thread-message"
              data-direction={message.direction}
            >
              <header className="mb-3 flex flex-wrap items-baseline justify-between gap-2 text-sm">
                <span>
                  <span className="font-semibold">{message.from?.name || message.from?.address || t('unknownSender')}</span>{' '}
                  <span className="text-slate-600">{message.from?.address}</span>
                  {message.direction === 'note' ? (
                    <span className="ml-2 rounded-full bg-amber-200 px-2 py-0.5 text-xs font-medium text-amber-900">{t('internalNote')}</span>
                  ) : null}
                  {badgeKind(message.kind) ? (
                    <span className="ml-2 rounded-full bg-amber-50 px-2 py-0.5 text-xs font-medium text-amber-800">{t(`kinds.${badgeKind(message.kind)!}`)}</span>
                  ) : null}
                  {message.direction === 'inbound' ? <SenderVerdict authentication={message.authentication} /> : null}
                  {message.party === 'third-party' ? (
                    <span className="ml-2 rounded-full bg-violet-100 px-2 py-0.5 text-xs font-medium text-violet-900" data-testid="third-party">
                      {t('thirdParty')}
                    </span>
                  ) : null}
                  {message.forward ? (
                    <span className="ml-2 rounded-full bg-slate-200 px-2 py-0.5 text-xs font-medium text-slate-800">{t('forward')}</span>
                  ) : null}
                </span>
                <time dateTime={message.sentAt} className="text-slate-600">
                  {formatInstant(message.sentAt, clock)}
                </time>
              </header>
              {message.direction === 'outbound' && message.kind !== 'chat' ? <MessageRecipients message={message} /> : null}
              {message.direction === 'note' ? (
                <NoteBody text={message.text} />
              ) : message.direction === 'outbound' && !message.html ? (
                // Chat lines and plain-text-only replies: the text as the contact got it. Email replies show their HTML below.
                <MailBody html={null} text={message.text} replyText={message.replyText} />
              ) : (
                <MailBody html={message.html} text={message.text} replyText={message.replyText} />
              )}
              {message.truncated ? (
                <p role="note" className="mt-3 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900" data-testid="message-shortened">
                  {t.rich('shortened', {
                    link: (chunks) => (
                      <a className="font-medium underline" href={`/api/messages/${message.id}/raw`}>
                        {chunks}
                      </a>
                    ),
                  })}
                </p>
              ) : null}
              {message.sendsAt && message.deliveryStatus === 'queued' && message.deliveryAttempts === 0 && message.sendsAt > new Date().toISOString() ? (
                <div className="mt-3">
                  <PendingReply conversationId={thread.id} messageId={message.id} sendsAt={message.sendsAt} canUndo={canReply && message.authorId === me.userId} />
                </div>
              ) : message.deliveryStatus ? (
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
                <ul className="mt-3 flex flex-wrap gap-2 text-sm" aria-label={t('attachments')}>
                  {message.attachments
                    .filter((a) => !a.inline)
                    .map((attachment) => (
                      <li key={attachment.id}>
                        <a href={attachment.url} className="rounded-md border border-slate-200 px-2 py-1 hover:bg-slate-50">
                          {t('attachmentSize', { name: attachment.filename ?? t('attachment'), size: Math.ceil(attachment.size / 1024) })}
                        </a>
                      </li>
                    ))}
                  {message.omittedAttachments.map((omitted, index) => (
                    <li key={`omitted-${index}`} className="rounded-md border border-dashed border-slate-300 px-2 py-1 text-slate-600">
                      {t('attachmentLeftOut', { name: omitted.filename ?? t('attachment'), reason: omitted.reason })}
                    </li>
                  ))}
                </ul>
              ) : null}
              {hasRawMail(message) || (canReply && message.direction !== 'note' && message.kind !== 'chat') ? (
                <footer className="mt-3 flex flex-wrap items-baseline gap-x-4 text-xs">
                  {hasRawMail(message) ? (
                    <a className="text-slate-600 hover:underline" href={`/api/messages/${message.id}/raw`}>
                      {t('original')}
                    </a>
                  ) : null}
                  {canReply && message.direction !== 'note' && message.kind !== 'chat' ? <ForwardForm conversationId={thread.id} messageId={message.id} /> : null}
                </footer>
              ) : null}
            </li>
          ))}
        </ol>
        {canReply && thread.messages.some((message) => message.direction !== 'note') ? (
          <div className="flex flex-wrap justify-end">
            <ForwardForm conversationId={thread.id} label={t('forwardConversation')} />
          </div>
        ) : null}
        <ThreadPresence conversationId={thread.id} heartbeats={canReply} />
        <ThreadComposer
          conversationId={thread.id}
          canNote={canNote}
          colleagues={assignees}
          reply={
            canReply ? (
              <ReplyComposer
                conversationId={thread.id}
                composer={thread.composer}
                newestAt={newestAt(thread.messages)}
                draft={thread.draft}
                colleaguesWithDrafts={thread.colleaguesWithDrafts.map((colleague) => colleague.name)}
                timeZone={account.timeZone}
              />
            ) : null
          }
        />
      </div>
      {contact ? <ContactPanel contact={contact} conversationId={thread.id} clock={clock} /> : null}
      </div>
    </>
  );
}
