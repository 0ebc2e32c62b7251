import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { PageHeader } from '@/components/page-header';
import { getSavedReplies } from '@/lib/api';
import { requireMe } from '@/lib/session';
import { ProfileDetailsForm } from './profile-details-form';
import { SignatureForm } from './signature-form';
import { PasswordSection } from './password-section';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('profile'))('title') };
}

/** The signed-in user's own settings, one section each. */
export default async function ProfilePage() {
  const [me, { variables }, t] = await Promise.all([requireMe(), getSavedReplies(), getTranslations('profile')]);
  return (
    <>
      <PageHeader title={t('title')} description={t('summary', { name: me.name, email: me.email })} />
      <div className="flex max-w-2xl flex-col gap-8 p-6">
        <section aria-labelledby="details-heading" className="flex flex-col gap-4">
          <h2 id="details-heading" className="text-base font-semibold">
            {t('details.heading')}
          </h2>
          <ProfileDetailsForm me={me} />
        </section>
        <section aria-labelledby="signature-heading" className="flex flex-col gap-4">
          <h2 id="signature-heading" className="text-base font-semibold">
            {t('signature.heading')}
          </h2>
          <SignatureForm signature={me.signature} variables={variables} />
        </section>
        <PasswordSection />
      </div>
    </>
  );
}
