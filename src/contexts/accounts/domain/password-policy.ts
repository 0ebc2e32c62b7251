import { InvalidInput } from '../../../shared/domain/domain-error';

export const PASSWORD_MIN_LENGTH = 12;
const PASSWORD_MAX_LENGTH = 256;

/** What a new password is checked against beside its length. */
export interface PasswordContext {
  /** The user's email, their name, the account's name: a password that is one of these is the first guess. */
  personal: string[];
  /** Whether the list of common passwords has it (lowercase, spaces removed). */
  isCommon(candidate: string): boolean;
}

/**
 * A new password (sign-up, a new user): at least 12 characters, and none of what a guesser tries
 * first: a common password, one character or a few characters over and over, or the user's own
 * email, name or account name with digits or marks added.
 */
export function checkNewPassword(field: string, password: string, context: PasswordContext): void {
  if (password.length < PASSWORD_MIN_LENGTH) {
    throw new InvalidInput(field, `${field} must be at least ${PASSWORD_MIN_LENGTH} characters`, 'ACCOUNTS.PASSWORD_WEAK', { rule: 'password_too_short', min: PASSWORD_MIN_LENGTH });
  }
  if (password.length > PASSWORD_MAX_LENGTH) {
    throw new InvalidInput(field, `${field} must be at most ${PASSWORD_MAX_LENGTH} characters`, undefined, { rule: 'too_long', max: PASSWORD_MAX_LENGTH });
  }
  const folded = fold(password);
  if (/^(.{1,4}?)\1+$/u.test(folded)) {
    throw new InvalidInput(field, `${field} must not repeat one character or a few characters over and over`, 'ACCOUNTS.PASSWORD_WEAK', { rule: 'password_repeats' });
  }
  if (context.isCommon(folded)) throw new InvalidInput(field, `${field} is one of the most common passwords; choose another`, 'ACCOUNTS.PASSWORD_WEAK', { rule: 'password_common' });
  const core = folded.replace(/[\d\W_]+$/u, '');
  const mine = context.personal.flatMap((value) => {
    const whole = fold(value);
    return whole.includes('@') ? [whole, whole.slice(0, whole.indexOf('@'))] : [whole];
  });
  if (mine.some((value) => value.length > 0 && (folded === value || core === value))) {
    throw new InvalidInput(field, `${field} must not be your email, your name or the account name`, 'ACCOUNTS.PASSWORD_WEAK', { rule: 'password_personal' });
  }
}

/** How passwords are compared with the list and with the user's details: case and spaces do not count. */
export const fold = (value: string) => value.normalize('NFKC').toLowerCase().replace(/\s+/gu, '');
