/**
 * What an invitation form gets back: the API's stable code and field, which the form words in the
 * visitor's language (the API's English message is kept for a code the catalogue does not know).
 */
export interface InvitationFormState {
  done?: boolean;
  code?: string;
  field?: string;
  message?: string;
  /** What was typed (never the password), so a refused form keeps it. */
  values?: Record<string, string>;
}

export const initialInvitationState: InvitationFormState = {};
