import { InvalidInput } from '../../../shared/domain/domain-error';
import type { Role } from '../../../shared/domain/event-envelope';

export type Plan = 'trial' | 'seats';
export const PLANS: readonly Plan[] = ['trial', 'seats'];
/**
 * Roles an admin can give; `primary_admin` comes only with opening an account. In the order clients
 * offer them (`GET /api/users`), the everyday one first.
 */
export const ASSIGNABLE_ROLES: readonly Role[] = ['agent', 'admin', 'auditor'];

const NAME_MAX_LENGTH = 100;
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const controlCharacters = /[\u0000-\u001f\u007f]/;
// Pragmatic address check: one @, a dot-separated domain, no spaces or control characters.
const emailShape = /^[^\s@"<>()[\]\\,;:]+(\.[^\s@"<>()[\]\\,;:]+)*@([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;

/** Addresses are compared case-insensitively, so they are stored lower-cased and trimmed. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function checkEmail(field: string, email: string): string {
  const normalized = normalizeEmail(email);
  if (normalized.length === 0) throw new InvalidInput(field, `${field} must not be empty`, undefined, { rule: 'required' });
  if (normalized.length > 254 || !emailShape.test(normalized)) {
    throw new InvalidInput(field, `${field} must be an email address such as anna@example.com`, undefined, { rule: 'email' });
  }
  return normalized;
}

export function checkName(field: string, name: string): string {
  const trimmed = name.trim();
  if (trimmed.length === 0) throw new InvalidInput(field, `${field} must not be empty`, undefined, { rule: 'required' });
  if (trimmed.length > NAME_MAX_LENGTH) {
    throw new InvalidInput(field, `${field} must be at most ${NAME_MAX_LENGTH} characters`, undefined, { rule: 'too_long', max: NAME_MAX_LENGTH });
  }
  if (controlCharacters.test(trimmed)) throw new InvalidInput(field, `${field} must not contain line breaks or control characters`, undefined, { rule: 'one_line' });
  return trimmed;
}

export function checkPlan(plan: string): Plan {
  if (!(PLANS as readonly string[]).includes(plan)) throw new InvalidInput('plan', `plan must be one of ${PLANS.join(', ')}`);
  return plan as Plan;
}

/** Undo send: how long the outbox holds a reply, unless the account chose otherwise. */
export const DEFAULT_UNDO_SEND_SECONDS = 10;
export const MAX_UNDO_SEND_SECONDS = 60;

export function checkUndoSendSeconds(seconds: number): number {
  if (!Number.isInteger(seconds) || seconds < 0 || seconds > MAX_UNDO_SEND_SECONDS) {
    throw new InvalidInput('undoSendSeconds', `undoSendSeconds must be a whole number from 0 to ${MAX_UNDO_SEND_SECONDS}`, undefined, {
      rule: 'whole_number_range',
      min: 0,
      max: MAX_UNDO_SEND_SECONDS,
    });
  }
  return seconds;
}

/** The primary admin comes with the account: that user's role and access never change. */
export const isFixedRole = (role: Role): boolean => role === 'primary_admin';

/**
 * Whether the users page offers a user's role and access to change: never the primary admin's,
 * never one's own (so nobody locks themself out by a click).
 */
export const isChangeableBy = (user: { userId: string; role: Role }, byUserId: string): boolean =>
  !isFixedRole(user.role) && user.userId !== byUserId;

export function checkAssignableRole(role: string): Role {
  if (!(ASSIGNABLE_ROLES as readonly string[]).includes(role)) {
    throw new InvalidInput('role', `role must be one of ${ASSIGNABLE_ROLES.join(', ')}`);
  }
  return role as Role;
}

/** IANA time zone such as Europe/Berlin, checked against the runtime's time zone database. */
export function checkTimeZone(timeZone: string): string {
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone }).resolvedOptions().timeZone;
  } catch {
    throw new InvalidInput('timeZone', 'timeZone must be an IANA time zone such as Europe/Berlin or UTC', undefined, { rule: 'time_zone' });
  }
}

/** BCP 47 language tag such as en, de-CH, pt-BR. */
export function checkLocale(locale: string): string {
  try {
    const [canonical] = Intl.getCanonicalLocales(locale);
    if (!canonical) throw new RangeError('empty');
    return canonical;
  } catch {
    throw new InvalidInput('locale', 'locale must be a language tag such as en, de-CH or pt-BR', undefined, { rule: 'locale' });
  }
}
