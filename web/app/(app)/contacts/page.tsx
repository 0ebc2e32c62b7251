import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { PageHeader } from '@/components/page-header';
import { getAccount, getContacts } from '@/lib/api';
import { displayClock } from '@/lib/display-clock';
import { formatInstant } from '@/lib/time';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('contacts'))('title') };
}

export default async function ContactsPage({ searchParams }: { searchParams: Promise<{ q?: string }> }) {
  const { q } = await searchParams;
  const [account, contacts] = await Promise.all([getAccount(), getContacts(q)]);
  const t = await getTranslations('contacts');
  const clock = await displayClock(account);
  return (
    <>
      <PageHeader
        title={t('title')}
        description={t('description')}
        actions={
          <form role="search" className="flex gap-2" method="get">
            <label htmlFor="q" className="sr-only">
              {t('search')}
            </label>
            <input id="q" name="q" type="search" defaultValue={q} placeholder={t('searchPlaceholder')} className="rounded-md border border-slate-300 px-3 py-2 text-sm" />
          </form>
        }
      />
      <section className="p-6">
        {contacts.length === 0 ? (
          <p className="rounded-lg border border-slate-200 bg-white px-4 py-10 text-center text-sm text-slate-600">
            {q ? t('noMatch', { q }) : t('empty')}
          </p>
        ) : (
          <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white">
            {contacts.map((contact) => (
              <li key={contact.id}>
                <Link href={`/contacts/${contact.id}`} className="flex flex-wrap items-baseline justify-between gap-2 px-4 py-3 text-sm hover:bg-slate-50" data-testid="contact-row">
                  <span>
                    <span className="font-medium">{contact.name}</span> <span className="text-slate-500">{contact.email}</span>
                  </span>
                  <span className="text-slate-500">{t('since', { at: formatInstant(contact.createdAt, clock) })}</span>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
