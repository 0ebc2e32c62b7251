import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { checkInvitationLink } from '@/lib/api';
import { ROLE_LABELS } from '@/lib/role-labels';
import { AcceptInvitationForm } from './accept-invitation-form';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('invitations');
  return { title: t('accept.metaTitle') };
}

/** The invitation link's page: the form to join, or why the link no longer works and what to do. */
export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const t = await getTranslations('invitations');
  const checked = await checkInvitationLink(token);
  if (!checked.ok) {
    const [heading, body] =
      checked.code === 'INVITATIONS.LINK_EXPIRED'
        ? [t('link.expiredHeading'), t('link.expiredBody')]
        : checked.code === 'INVITATIONS.LINK_USED'
          ? [t('link.usedHeading'), t('link.usedBody')]
          : [t('link.invalidHeading'), t('link.invalidBody')];
    return (
      <div className="flex flex-col gap-4" data-testid="invitation-refused" data-code={checked.code}>
        <h1 className="text-xl font-semibold">{heading}</h1>
        <p className="text-sm text-slate-700">{body}</p>
        <Link href="/login" className="font-medium text-brand-700 hover:underline">
          {t('link.signIn')}
        </Link>
      </div>
    );
  }
  const { link } = checked;
  return (
    <div className="flex flex-col gap-6">
      <h1 className="text-xl font-semibold">{t('accept.heading', { accountName: link.accountName })}</h1>
      <p className="text-sm text-slate-700">{t('accept.intro', { accountName: link.accountName, role: ROLE_LABELS[link.role], email: link.email })}</p>
      <AcceptInvitationForm token={token} />
    </div>
  );
}
