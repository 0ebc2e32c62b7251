import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import type { ContactProfile } from '@/lib/api';
import { formatInstant } from '@/lib/time';

/** How many other conversations the panel lists; the profile has them all. */
const SHOWN = 5;

/**
 * Beside the thread (below it on narrow screens): who the contact is, their addresses, and their
 * other conversations, newest activity first, each a link.
 */
/** `clock`: the account's time zone and the locale the reader's dates are written in. */
export async function ContactPanel({ contact, conversationId, clock }: { contact: ContactProfile; conversationId: string; clock: { timeZone: string; locale: string } }) {
  const t = await getTranslations('thread.contact');
  const others = contact.conversations
    .filter((conversation) => conversation.id !== conversationId)
    .sort((a, b) => (a.lastMessageAt < b.lastMessageAt ? 1 : a.lastMessageAt > b.lastMessageAt ? -1 : 0));
  // A chat visitor who left no address has none.
  const emails = [...new Set([contact.email, ...contact.emails].filter(Boolean))];
  return (
    <aside aria-labelledby="contact-panel-heading" className="flex flex-col gap-4 rounded-lg border border-slate-200 bg-white p-4 text-sm" data-testid="contact-panel">
      <div>
        <h2 id="contact-panel-heading" className="text-base font-semibold break-words">
          {contact.name}
        </h2>
        {emails.length > 0 ? (
          <ul aria-label={t('addresses')} className="mt-1 text-slate-600">
            {emails.map((email) => (
              <li key={email} className="break-all">
                {email}
              </li>
            ))}
          </ul>
        ) : (
          <p className="mt-1 text-slate-500">{t('noAddress')}</p>
        )}
        <Link href={`/contacts/${contact.id}`} className="mt-2 inline-block font-medium text-brand-600 hover:underline">
          {t('profile')}
        </Link>
      </div>
      <section aria-labelledby="contact-panel-others" className="flex flex-col gap-2">
        <h3 id="contact-panel-others" className="text-xs font-semibold tracking-wide text-slate-500 uppercase">
          {t('others')}
        </h3>
        {others.length === 0 ? (
          <p className="text-slate-500">{t('none')}</p>
        ) : (
          <ul className="flex flex-col divide-y divide-slate-100" data-testid="contact-other-conversations">
            {others.slice(0, SHOWN).map((conversation) => (
              <li key={conversation.id} className="py-2">
                <Link href={`/inbox/${conversation.id}`} className="block font-medium break-words text-slate-900 hover:text-brand-700 hover:underline">
                  {conversation.subject}
                </Link>
                <span className="text-xs text-slate-500">
                  <span className={conversation.status === 'open' ? 'font-medium text-emerald-700' : ''}>{conversation.status === 'open' ? t('open') : t('closed')}</span> ·{' '}
                  <time dateTime={conversation.lastMessageAt}>{formatInstant(conversation.lastMessageAt, clock)}</time>
                </span>
              </li>
            ))}
          </ul>
        )}
        {others.length > SHOWN ? (
          <Link href={`/contacts/${contact.id}`} className="text-brand-600 hover:underline">
            {t('all', { count: others.length })}
          </Link>
        ) : null}
      </section>
    </aside>
  );
}
