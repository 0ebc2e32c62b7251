import { DomainError, TooManyRequests } from '../../../shared/domain/domain-error';

export class EmailAlreadyRegistered extends DomainError {
  // The address is not echoed back: the answer goes to whoever typed it, and public sign-up is rate-limited per IP.
  constructor() {
    super('ACCOUNTS.EMAIL_TAKEN', 'conflict', 'email cannot be used for a new user: sign in with it, or reset its password', 'email');
  }
}

export class SignupClosed extends DomainError {
  constructor() {
    super('ACCOUNTS.SIGNUP_CLOSED', 'forbidden', 'Sign-up is closed on this installation; ask an admin for an invitation');
  }
}

export class AccountAlreadyOpened extends DomainError {
  constructor() {
    super('ACCOUNTS.ALREADY_OPENED', 'conflict', 'This account is already open');
  }
}

export class PrimaryAdminIsFixed extends DomainError {
  constructor(what: string) {
    super('ACCOUNTS.PRIMARY_ADMIN_FIXED', 'conflict', `The primary admin ${what}`);
  }
}

export class CannotDeactivateSelf extends DomainError {
  constructor() {
    super('ACCOUNTS.CANNOT_DEACTIVATE_SELF', 'conflict', 'You cannot deactivate yourself', 'active');
  }
}

export class InvalidCredentials extends DomainError {
  constructor() {
    super('ACCOUNTS.INVALID_CREDENTIALS', 'unauthenticated', 'The email or password is wrong');
  }
}

export class UserDeactivated extends DomainError {
  constructor() {
    super('ACCOUNTS.USER_DEACTIVATED', 'unauthenticated', 'This user has been deactivated; ask an admin of your account');
  }
}

export class TooManySignups extends TooManyRequests {
  constructor(retryAfterSeconds: number) {
    super('ACCOUNTS.TOO_MANY_SIGNUPS', `Too many new accounts from your address; try again in ${Math.ceil(retryAfterSeconds / 60)} minute(s)`, retryAfterSeconds);
  }
}

export class TooManyLoginAttempts extends TooManyRequests {
  constructor(retryAfterSeconds: number) {
    super('ACCOUNTS.TOO_MANY_ATTEMPTS', `Too many failed sign-in attempts; try again in ${Math.ceil(retryAfterSeconds / 60)} minute(s)`, retryAfterSeconds);
  }
}

/** The reset link's token matches none ever sent (mistyped, cut short, or made up). */
export class ResetLinkUnknown extends DomainError {
  constructor() {
    super('ACCOUNTS.RESET_LINK_UNKNOWN', 'not_found', 'This password reset link is not valid; ask for a new one', 'token');
  }
}

export class ResetLinkExpired extends DomainError {
  constructor() {
    super('ACCOUNTS.RESET_LINK_EXPIRED', 'conflict', 'This password reset link has expired (links last one hour); ask for a new one', 'token');
  }
}

/** Used once already, or the password has changed since it was sent: either way it sets nothing now. */
export class ResetLinkUsed extends DomainError {
  constructor() {
    super('ACCOUNTS.RESET_LINK_USED', 'conflict', 'This password reset link has been used, or the password has changed since; ask for a new one', 'token');
  }
}

export class WrongCurrentPassword extends DomainError {
  constructor() {
    super('ACCOUNTS.WRONG_PASSWORD', 'invalid', 'currentPassword is not your current password', 'currentPassword');
  }
}

export class TooManyResetRequests extends TooManyRequests {
  constructor(retryAfterSeconds: number) {
    super('ACCOUNTS.TOO_MANY_RESET_REQUESTS', `Too many password reset requests from your address; try again in ${Math.ceil(retryAfterSeconds / 60)} minute(s)`, retryAfterSeconds);
  }
}

export class InvitationPending extends DomainError {
  constructor() {
    super('INVITATIONS.ALREADY_INVITED', 'conflict', 'email already has a pending invitation to this account: resend or revoke it', 'email');
  }
}

export class InvitationClosed extends DomainError {
  constructor(how: 'accepted' | 'revoked') {
    super(`INVITATIONS.${how.toUpperCase()}`, 'conflict', `This invitation has been ${how}`);
  }
}

/** Revoked, replaced by a newer link, or never issued: the holder can do nothing with it but ask again. */
export class InvitationLinkInvalid extends DomainError {
  constructor() {
    super('INVITATIONS.LINK_INVALID', 'not_found', 'token is not a valid invitation link: it was revoked or replaced by a newer one; ask an admin for a new invitation', 'token');
  }
}

export class InvitationLinkExpired extends DomainError {
  constructor() {
    super('INVITATIONS.LINK_EXPIRED', 'conflict', 'token: this invitation link has expired; ask an admin to send it again', 'token');
  }
}

export class InvitationLinkUsed extends DomainError {
  constructor() {
    super('INVITATIONS.LINK_USED', 'conflict', 'token: this invitation link has already been used; sign in instead', 'token');
  }
}
