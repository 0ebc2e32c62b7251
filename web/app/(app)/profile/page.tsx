import type { Metadata } from 'next';
import { PageHeader } from '@/components/page-header';
import { getSavedReplies } from '@/lib/api';
import { requireMe } from '@/lib/session';
import { EmailNotificationsSection } from '@/components/notifications/email-notifications-form';
import { SignatureForm } from './signature-form';

export const metadata: Metadata = { title: 'Profile' };

/** The signed-in user's own settings, one section each (name, language and password are to come). */
export default async function ProfilePage() {
  const [me, { variables }] = await Promise.all([requireMe(), getSavedReplies()]);
  return (
    <>
      <PageHeader title="Profile" description={`${me.name} · ${me.email}`} />
      <div className="flex max-w-2xl flex-col gap-8 p-6">
        <section aria-labelledby="signature-heading" className="flex flex-col gap-4">
          <h2 id="signature-heading" className="text-base font-semibold">
            Signature
          </h2>
          <SignatureForm signature={me.signature} variables={variables} />
        </section>
        <EmailNotificationsSection notifications={me.notifications} />
      </div>
    </>
  );
}
