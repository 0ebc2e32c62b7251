import { z } from 'zod';
import type { Decider } from '../../../shared/domain/decider';
import type { Event } from '../../../shared/domain/event-envelope';
import { Role, Timestamp } from '../../../shared/domain/event-schema';
import { InvalidInput } from '../../../shared/domain/domain-error';
import { checkSignature } from '../../../shared/domain/signature';
import { isLanguage, LANGUAGES, type Language } from '../../../shared/domain/language';
import { CannotDeactivateSelf, PrimaryAdminIsFixed, ResetLinkExpired, ResetLinkUsed, UserDeactivated as UserIsDeactivated } from './accounts.errors';
import { checkAssignableRole, checkName, isFixedRole } from './accounts.rules';

const UserId = z.string().min(1);
export const UserRegisteredData = z.object({ userId: UserId, accountId: z.string().min(1), name: z.string(), email: z.string().min(1), role: Role });
export type UserRegistered = Event<'UserRegistered', z.infer<typeof UserRegisteredData>>;
/** Kept apart from UserRegistered so that histories can be shown without the credential. */
export const UserPasswordSetData = z.object({ userId: UserId, passwordHash: z.string().min(1) });
export type UserPasswordSet = Event<'UserPasswordSet', z.infer<typeof UserPasswordSetData>>;
export const UserRenamedData = z.object({ userId: UserId, name: z.string() });
export type UserRenamed = Event<'UserRenamed', z.infer<typeof UserRenamedData>>;
export const UserRoleChangedData = z.object({ userId: UserId, from: Role, to: Role });
export type UserRoleChanged = Event<'UserRoleChanged', z.infer<typeof UserRoleChangedData>>;
export const UserDeactivatedData = z.object({ userId: UserId });
export type UserDeactivated = Event<'UserDeactivated', z.infer<typeof UserDeactivatedData>>;
export const UserReactivatedData = z.object({ userId: UserId });
export type UserReactivated = Event<'UserReactivated', z.infer<typeof UserReactivatedData>>;
/** The user's own signature, appended to their email replies; empty when removed. */
export const UserSignatureChangedData = z.object({ userId: UserId, signature: z.string() });
export type UserSignatureChanged = Event<'UserSignatureChanged', z.infer<typeof UserSignatureChangedData>>;
/** The language the product speaks to this user, on its pages and in its mail; until chosen, the account's locale decides. */
export const UserLanguageChosenData = z.object({ userId: UserId, language: z.enum(LANGUAGES) });
export type UserLanguageChosen = Event<'UserLanguageChosen', z.infer<typeof UserLanguageChosenData>>;
/** A one-time link to set a new password was made; only the hash of its token is kept. */
export const PasswordResetRequestedData = z.object({ userId: UserId, tokenHash: z.string().regex(/^[0-9a-f]{64}$/u), expiresAt: Timestamp });
export type PasswordResetRequested = Event<'PasswordResetRequested', z.infer<typeof PasswordResetRequestedData>>;
/**
 * The user chose a new password (beside its UserPasswordSet): every reset link dies and every session
 * ends, but the one the user changed it from on their profile (`keptSessionId`).
 */
export const UserPasswordChangedData = z.object({ userId: UserId, via: z.enum(['reset', 'profile']), keptSessionId: z.string().min(1).optional() });
export type UserPasswordChanged = Event<'UserPasswordChanged', z.infer<typeof UserPasswordChangedData>>;
export type UserEvent =
  | UserRegistered
  | UserPasswordSet
  | UserRenamed
  | UserRoleChanged
  | UserDeactivated
  | UserReactivated
  | UserSignatureChanged
  | UserLanguageChosen
  | PasswordResetRequested
  | UserPasswordChanged;

export type UserCommand =
  | {
      type: 'RegisterUser';
      userId: string;
      accountId: string;
      name: string;
      /** Already normalized and claimed. */
      email: string;
      role: Role;
      passwordHash: string;
    }
  | { type: 'UpdateUser'; userId: string; byUserId: string; name?: string; role?: string; active?: boolean }
  /** What users change of themselves on their profile. */
  | { type: 'ChangeProfile'; userId: string; name?: string; language?: string; signature?: string }
  /** The same password hashed with today's parameters, at a sign-in that proved it. */
  | { type: 'UpgradePasswordHash'; userId: string; passwordHash: string }
  | { type: 'RequestPasswordReset'; userId: string; tokenHash: string; expiresAt: string }
  /** A reset link's token (by its hash) with the new password, at `now`. */
  | { type: 'ResetPassword'; userId: string; tokenHash: string; passwordHash: string; now: string }
  /** On the profile, once the handler has checked the current password; the session it came from stays. */
  | { type: 'ChangePassword'; userId: string; passwordHash: string; keptSessionId: string };

export interface UserState {
  registered: boolean;
  name: string;
  role: Role | null;
  active: boolean;
  /** Empty when the user has none. */
  signature: string;
  /** Null until the user chooses one. */
  language: Language | null;
  /** Reset links not yet used, by token hash: when each expires. A new password clears them all. */
  pendingResets: Record<string, string>;
}

export const userStream = (userId: string) => `user-${userId}`;

export const userDecider: Decider<UserState, UserCommand, UserEvent> = {
  initialState: () => ({ registered: false, name: '', role: null, active: false, signature: '', language: null, pendingResets: {} }),

  evolve: (state, event) => {
    switch (event.type) {
      case 'UserRegistered':
        return { ...state, registered: true, name: event.data.name, role: event.data.role, active: true };
      case 'UserRenamed':
        return { ...state, name: event.data.name };
      case 'UserRoleChanged':
        return { ...state, role: event.data.to };
      case 'UserDeactivated':
        return { ...state, active: false };
      case 'UserReactivated':
        return { ...state, active: true };
      case 'UserSignatureChanged':
        return { ...state, signature: event.data.signature };
      case 'UserLanguageChosen':
        return { ...state, language: event.data.language };
      case 'PasswordResetRequested':
        return { ...state, pendingResets: { ...state.pendingResets, [event.data.tokenHash]: event.data.expiresAt } };
      case 'UserPasswordChanged':
        return { ...state, pendingResets: {} };
      default:
        return state;
    }
  },

  decide: (command, state) => {
    switch (command.type) {
      case 'RegisterUser': {
        if (state.registered) return [];
        const { userId, accountId, email, role, passwordHash } = command;
        return [
          { type: 'UserRegistered', data: { userId, accountId, name: checkName('name', command.name), email, role } },
          { type: 'UserPasswordSet', data: { userId, passwordHash } },
        ];
      }
      case 'UpgradePasswordHash':
        if (!state.registered) throw new InvalidInput('id', 'There is no such user');
        return [{ type: 'UserPasswordSet', data: { userId: command.userId, passwordHash: command.passwordHash } }];
      case 'RequestPasswordReset':
        if (!state.registered) throw new InvalidInput('id', 'There is no such user');
        // A deactivated user gets no link; the caller's answer is the same either way.
        if (!state.active) return [];
        return [{ type: 'PasswordResetRequested', data: { userId: command.userId, tokenHash: command.tokenHash, expiresAt: command.expiresAt } }];
      case 'ResetPassword': {
        checkResetLink(state, command.tokenHash, command.now);
        const { userId, passwordHash } = command;
        return [
          { type: 'UserPasswordSet', data: { userId, passwordHash } },
          { type: 'UserPasswordChanged', data: { userId, via: 'reset' } },
        ];
      }
      case 'ChangePassword': {
        if (!state.registered) throw new InvalidInput('id', 'There is no such user');
        const { userId, passwordHash, keptSessionId } = command;
        return [
          { type: 'UserPasswordSet', data: { userId, passwordHash } },
          { type: 'UserPasswordChanged', data: { userId, via: 'profile', keptSessionId } },
        ];
      }
      case 'ChangeProfile': {
        if (!state.registered) throw new InvalidInput('id', 'There is no such user');
        const events: UserEvent[] = [];
        const { userId } = command;
        if (command.name !== undefined) {
          const name = checkName('name', command.name);
          if (name !== state.name) events.push({ type: 'UserRenamed', data: { userId, name } });
        }
        if (command.language !== undefined) {
          const language = checkLanguage('language', command.language);
          if (language !== state.language) events.push({ type: 'UserLanguageChosen', data: { userId, language } });
        }
        if (command.signature !== undefined) {
          const signature = checkSignature('signature', command.signature);
          if (signature !== state.signature) events.push({ type: 'UserSignatureChanged', data: { userId: command.userId, signature } });
        }
        return events;
      }
      case 'UpdateUser': {
        if (!state.registered || state.role === null) throw new InvalidInput('id', 'There is no such user');
        const events: UserEvent[] = [];
        const { userId } = command;
        if (command.name !== undefined) {
          const name = checkName('name', command.name);
          if (name !== state.name) events.push({ type: 'UserRenamed', data: { userId, name } });
        }
        if (command.role !== undefined && command.role !== state.role) {
          if (isFixedRole(state.role)) throw new PrimaryAdminIsFixed('keeps the primary_admin role');
          const to = checkAssignableRole(command.role);
          events.push({ type: 'UserRoleChanged', data: { userId, from: state.role, to } });
        }
        if (command.active !== undefined && command.active !== state.active) {
          if (!command.active && isFixedRole(state.role)) throw new PrimaryAdminIsFixed('cannot be deactivated');
          if (!command.active && command.byUserId === userId) throw new CannotDeactivateSelf();
          events.push(command.active ? { type: 'UserReactivated', data: { userId } } : { type: 'UserDeactivated', data: { userId } });
        }
        return events;
      }
    }
  },
};

/**
 * Whether a reset link (by its token's hash) still sets this user's password at `now`: pending,
 * within its hour, and the user active. Throws the refusal otherwise.
 */
export function checkResetLink(state: UserState, tokenHash: string, now: string): void {
  if (!state.registered) throw new InvalidInput('id', 'There is no such user');
  const expiresAt = state.pendingResets[tokenHash];
  // Not pending for a token the user was sent: used, or its user has chosen a password since.
  if (expiresAt === undefined) throw new ResetLinkUsed();
  if (Date.parse(expiresAt) <= Date.parse(now)) throw new ResetLinkExpired();
  if (!state.active) throw new UserIsDeactivated();
}

function checkLanguage(field: string, value: string): Language {
  if (!isLanguage(value)) throw new InvalidInput(field, `${field} must be one of ${LANGUAGES.join(', ')}`);
  return value;
}
