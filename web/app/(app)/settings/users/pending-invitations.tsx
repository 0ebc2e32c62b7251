import { getTranslations } from 'next-intl/server';
import { getAccount, getInvitations } from '@/lib/api';
import { ROLE_LABELS } from '@/lib/role-labels';
import { formatInstant } from '@/lib/time';
import { InvitationActions } from './invitation-actions';

/** Invitations not yet accepted or revoked, with Resend and Revoke. */
export async function PendingInvitations() {
  const t = await getTranslations('invitations');
  const [invitations, account] = await Promise.all([getInvitations(), getAccount()]);
  return (
    <section aria-labelledby="invitations-heading" className="rounded-lg border border-slate-200 bg-white">
      <h2 id="invitations-heading" className="border-b border-slate-200 px-4 py-3 text-base font-semibold">
        {t('pending.heading')}
      </h2>
      {invitations.length === 0 ? (
        <p className="px-4 py-3 text-sm text-slate-600">{t('pending.empty')}</p>
      ) : (
        <ul className="divide-y divide-slate-100">
          {invitations.map((invitation) => (
            <li key={invitation.invitationId} data-testid="invitation-row" className="flex flex-wrap items-center justify-between gap-3 px-4 py-3 text-sm">
              <div className="min-w-0">
                <p className="font-medium break-all">
                  {invitation.email}{' '}
                  <span className="font-normal text-slate-600">· {ROLE_LABELS[invitation.role]}</span>
                </p>
                <p className="text-slate-600">
                  {t('pending.invitedBy', { name: invitation.invitedBy.name, date: formatInstant(invitation.invitedAt, account) })}
                </p>
                <p className={invitation.status === 'expired' ? 'text-rose-700' : 'text-slate-600'}>
                  {invitation.status === 'expired'
                    ? t('pending.expired', { date: formatInstant(invitation.expiresAt, account) })
                    : t('pending.expires', { date: formatInstant(invitation.expiresAt, account) })}
                </p>
              </div>
              <InvitationActions invitationId={invitation.invitationId} email={invitation.email} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
