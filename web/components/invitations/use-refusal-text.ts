import { useTranslations } from 'next-intl';
import type { InvitationFormState } from '@/app/actions/invitation-form-state';

/**
 * The API's refusal of an invitation form, in the visitor's language: the invitation pages' own
 * sentences for the codes and fields they know, else the sentence every form shows for the code.
 */
export function useRefusalText(): (state: InvitationFormState) => string | undefined {
  const t = useTranslations('invitations');
  return (state) => {
    if (!state.message) return undefined;
    switch (state.code) {
      case 'INVITATIONS.ALREADY_INVITED':
        return t('errors.alreadyInvited');
      case 'ACCOUNTS.EMAIL_TAKEN':
        return t('errors.emailTaken');
      case 'ACCOUNTS.PASSWORD_WEAK':
        return t('errors.passwordWeak');
      case 'INVITATIONS.ACCEPTED':
      case 'INVITATIONS.REVOKED':
        return t('errors.closed');
      case 'NOT_FOUND':
        return t('errors.notFound');
      case 'INVITATIONS.LINK_INVALID':
        return t('link.invalidBody');
      case 'INVITATIONS.LINK_EXPIRED':
        return t('link.expiredBody');
      case 'INVITATIONS.LINK_USED':
        return t('link.usedBody');
    }
    switch (state.field) {
      case 'email':
        return t('errors.emailInvalid');
      case 'role':
        return t('errors.roleInvalid');
      case 'name':
        return t('errors.nameInvalid');
      case 'password':
        return t('errors.passwordWeak');
    }
    // Already worded by the web app from the API's code (the server action's wordedRefusal).
    return state.message;
  };
}
