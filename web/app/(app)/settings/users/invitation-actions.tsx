'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { initialInvitationState } from '@/app/actions/invitation-form-state';
import { resendInvitation, revokeInvitation } from '@/app/actions/invitations.actions';
import { useRefusalText } from '@/components/invitations/use-refusal-text';
import { Button } from '@/components/ui/button';

export function InvitationActions({ invitationId, email }: { invitationId: string; email: string }) {
  const t = useTranslations('invitations');
  const refusal = useRefusalText();
  const [resent, resend, resending] = useActionState(resendInvitation, initialInvitationState);
  const [revoked, revoke, revoking] = useActionState(revokeInvitation, initialInvitationState);
  const error = refusal(resent) ?? refusal(revoked);
  return (
    <div className="flex flex-col items-end gap-1">
      <div className="flex gap-2">
        <form action={resend}>
          <input type="hidden" name="invitationId" value={invitationId} />
          <Button type="submit" variant="secondary" disabled={resending} aria-label={t('pending.resendLabel', { email })}>
            {t('pending.resend')}
          </Button>
        </form>
        <form action={revoke}>
          <input type="hidden" name="invitationId" value={invitationId} />
          <Button type="submit" variant="danger" disabled={revoking} aria-label={t('pending.revokeLabel', { email })}>
            {t('pending.revoke')}
          </Button>
        </form>
      </div>
      <p role="status" className="text-xs text-slate-600">
        {error ?? (resent.done ? t('pending.resent') : '')}
      </p>
    </div>
  );
}
