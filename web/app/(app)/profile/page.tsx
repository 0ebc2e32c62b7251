import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { PageHeader } from '@/components/page-header';
import { getSavedReplies } from '@/lib/api';
import { requireMe } from '@/lib/session';
import { SignatureForm } from './signature-form';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('profilePage'))('title') };
}

/** The signed-in user's own settings, one section each (name, language and password are to come). */
export default async function ProfilePage() {
  const [me, { variables }] = await Promise.all([requireMe(), getSavedReplies()]);
  const t = await getTranslations('profilePage');
  return (
    <>
      <PageHeader title={t('title')} description={t('who', { name: me.name, email: me.email })} />
      <div className="flex max-w-2xl flex-col gap-8 p-6">
        <section aria-labelledby="signature-heading" className="flex flex-col gap-4">
          <h2 id="signature-heading" className="text-base font-semibold">
            {t('signature')}
          </h2>
          <SignatureForm signature={me.signature} variables={variables} />
        </section>
      </div>
    </>
  );
}
