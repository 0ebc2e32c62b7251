import { given } from '../../../shared/domain/decider.testing';
import { userDecider, type UserEvent } from './user.decider';

const registered = (role: 'primary_admin' | 'agent' = 'agent'): UserEvent[] => [
  { type: 'UserRegistered', data: { userId: 'u1', accountId: 'a1', name: 'Alex', email: 'alex@example.com', role } },
  { type: 'UserPasswordSet', data: { userId: 'u1', passwordHash: 'scrypt$…' } },
];

describe('user decider', () => {
  it("records a sign-in's stronger hash of the same password, for a registered user only", () => {
    given(userDecider, registered())
      .when({ type: 'UpgradePasswordHash', userId: 'u1', passwordHash: 'scrypt$131072…' })
      .then([{ type: 'UserPasswordSet', data: { userId: 'u1', passwordHash: 'scrypt$131072…' } }]);
    given(userDecider).when({ type: 'UpgradePasswordHash', userId: 'u1', passwordHash: 'h' }).thenFails({ field: 'id' });
  });

  it('registers a user with their password as two events', () => {
    given(userDecider)
      .when({ type: 'RegisterUser', userId: 'u1', accountId: 'a1', name: ' Alex ', email: 'alex@example.com', role: 'agent', passwordHash: 'h' })
      .then([
        { type: 'UserRegistered', data: { userId: 'u1', accountId: 'a1', name: 'Alex', email: 'alex@example.com', role: 'agent' } },
        { type: 'UserPasswordSet', data: { userId: 'u1', passwordHash: 'h' } },
      ]);
  });

  it('does not register the same user twice', () => {
    given(userDecider, registered())
      .when({ type: 'RegisterUser', userId: 'u1', accountId: 'a1', name: 'Alex', email: 'alex@example.com', role: 'agent', passwordHash: 'h' })
      .then([]);
  });

  it('renames, changes role and deactivates in one update', () => {
    given(userDecider, registered())
      .when({ type: 'UpdateUser', userId: 'u1', byUserId: 'boss', name: 'Alexandra', role: 'admin', active: false })
      .then([
        { type: 'UserRenamed', data: { userId: 'u1', name: 'Alexandra' } },
        { type: 'UserRoleChanged', data: { userId: 'u1', from: 'agent', to: 'admin' } },
        { type: 'UserDeactivated', data: { userId: 'u1' } },
      ]);
  });

  it('records nothing when nothing changes', () => {
    given(userDecider, registered()).when({ type: 'UpdateUser', userId: 'u1', byUserId: 'boss', name: 'Alex', role: 'agent', active: true }).then([]);
  });

  it('reactivates a deactivated user', () => {
    given(userDecider, [...registered(), { type: 'UserDeactivated', data: { userId: 'u1' } }])
      .when({ type: 'UpdateUser', userId: 'u1', byUserId: 'boss', active: true })
      .then([{ type: 'UserReactivated', data: { userId: 'u1' } }]);
  });

  it('never gives the primary_admin role', () => {
    given(userDecider, registered()).when({ type: 'UpdateUser', userId: 'u1', byUserId: 'boss', role: 'primary_admin' }).thenFails({ field: 'role' });
  });

  it('keeps the primary admin a primary admin, and active', () => {
    given(userDecider, registered('primary_admin'))
      .when({ type: 'UpdateUser', userId: 'u1', byUserId: 'u2', role: 'agent' })
      .thenFails({ code: 'ACCOUNTS.PRIMARY_ADMIN_FIXED' });
    given(userDecider, registered('primary_admin'))
      .when({ type: 'UpdateUser', userId: 'u1', byUserId: 'u2', active: false })
      .thenFails({ code: 'ACCOUNTS.PRIMARY_ADMIN_FIXED' });
  });

  it('does not let a user deactivate themself', () => {
    given(userDecider, registered()).when({ type: 'UpdateUser', userId: 'u1', byUserId: 'u1', active: false }).thenFails({
      code: 'ACCOUNTS.CANNOT_DEACTIVATE_SELF',
    });
  });

  it('refuses a name with a line break', () => {
    given(userDecider, registered()).when({ type: 'UpdateUser', userId: 'u1', byUserId: 'boss', name: 'A\nB' }).thenFails({ field: 'name' });
  });

  describe('signature', () => {
    it('records a new signature, trimmed, and nothing when it is unchanged', () => {
      given(userDecider, registered())
        .when({ type: 'ChangeProfile', userId: 'u1', signature: '{{agent.name}}\r\nAcme support\n' })
        .then([{ type: 'UserSignatureChanged', data: { userId: 'u1', signature: '{{agent.name}}\nAcme support' } }]);
      given(userDecider, [...registered(), { type: 'UserSignatureChanged', data: { userId: 'u1', signature: 'Alex' } }])
        .when({ type: 'ChangeProfile', userId: 'u1', signature: 'Alex  ' })
        .then([]);
    });

    it('removes it with an empty one', () => {
      given(userDecider, [...registered(), { type: 'UserSignatureChanged', data: { userId: 'u1', signature: 'Alex' } }])
        .when({ type: 'ChangeProfile', userId: 'u1', signature: '' })
        .then([{ type: 'UserSignatureChanged', data: { userId: 'u1', signature: '' } }]);
    });

    it('refuses an unknown variable, naming it', () => {
      given(userDecider, registered())
        .when({ type: 'ChangeProfile', userId: 'u1', signature: 'Call {{agent.phone}}' })
        .thenFails({ field: 'signature', message: expect.stringMatching(/unknown variable \{\{agent\.phone\}\}/) });
    });

    it('is for registered users only', () => {
      given(userDecider).when({ type: 'ChangeProfile', userId: 'u1', signature: 'x' }).thenFails({ field: 'id' });
    });
  });

  describe('password reset and change', () => {
    const HASH_A = 'a'.repeat(64);
    const HASH_B = 'b'.repeat(64);
    const requested = (tokenHash: string, expiresAt = '2026-12-07T11:00:00.000Z'): UserEvent => ({
      type: 'PasswordResetRequested',
      data: { userId: 'u1', tokenHash, expiresAt },
    });
    const reset = (tokenHash: string, now = '2026-12-07T10:30:00.000Z') => ({ type: 'ResetPassword' as const, userId: 'u1', tokenHash, passwordHash: 'new', now });

    it('records a reset link for an active user, and none for a deactivated one', () => {
      given(userDecider, registered())
        .when({ type: 'RequestPasswordReset', userId: 'u1', tokenHash: HASH_A, expiresAt: '2026-12-07T11:00:00.000Z' })
        .then([requested(HASH_A)]);
      given(userDecider, [...registered(), { type: 'UserDeactivated', data: { userId: 'u1' } }])
        .when({ type: 'RequestPasswordReset', userId: 'u1', tokenHash: HASH_A, expiresAt: '2026-12-07T11:00:00.000Z' })
        .then([]);
    });

    it('sets the password from a pending link within its hour, and says so for the sessions to end', () => {
      given(userDecider, [...registered(), requested(HASH_A)])
        .when(reset(HASH_A))
        .then([
          { type: 'UserPasswordSet', data: { userId: 'u1', passwordHash: 'new' } },
          { type: 'UserPasswordChanged', data: { userId: 'u1', via: 'reset' } },
        ]);
    });

    it('refuses an expired link', () => {
      given(userDecider, [...registered(), requested(HASH_A)])
        .when(reset(HASH_A, '2026-12-07T11:00:00.000Z'))
        .thenFails({ code: 'ACCOUNTS.RESET_LINK_EXPIRED', field: 'token' });
    });

    it('refuses a used link, and every other link once the password has changed', () => {
      const history = [...registered(), requested(HASH_A), requested(HASH_B), { type: 'UserPasswordChanged', data: { userId: 'u1', via: 'reset' } } as UserEvent];
      given(userDecider, history).when(reset(HASH_A)).thenFails({ code: 'ACCOUNTS.RESET_LINK_USED' });
      given(userDecider, history).when(reset(HASH_B)).thenFails({ code: 'ACCOUNTS.RESET_LINK_USED' });
    });

    it('lets an older link work beside a newer one', () => {
      given(userDecider, [...registered(), requested(HASH_A), requested(HASH_B)])
        .when(reset(HASH_A))
        .then([
          { type: 'UserPasswordSet', data: { userId: 'u1', passwordHash: 'new' } },
          { type: 'UserPasswordChanged', data: { userId: 'u1', via: 'reset' } },
        ]);
    });

    it('refuses a link of a user deactivated since it was sent', () => {
      given(userDecider, [...registered(), requested(HASH_A), { type: 'UserDeactivated', data: { userId: 'u1' } }])
        .when(reset(HASH_A))
        .thenFails({ code: 'ACCOUNTS.USER_DEACTIVATED' });
    });

    it('changes the password on the profile, keeping the session it came from, and kills pending links', () => {
      given(userDecider, registered())
        .when({ type: 'ChangePassword', userId: 'u1', passwordHash: 'new', keptSessionId: 's1' })
        .then([
          { type: 'UserPasswordSet', data: { userId: 'u1', passwordHash: 'new' } },
          { type: 'UserPasswordChanged', data: { userId: 'u1', via: 'profile', keptSessionId: 's1' } },
        ]);
      given(userDecider, [...registered(), requested(HASH_A), { type: 'UserPasswordChanged', data: { userId: 'u1', via: 'profile', keptSessionId: 's1' } }])
        .when(reset(HASH_A))
        .thenFails({ code: 'ACCOUNTS.RESET_LINK_USED' });
    });

    it('keeps reset links across a sign-in that only rehashes the same password', () => {
      given(userDecider, [...registered(), requested(HASH_A), { type: 'UserPasswordSet', data: { userId: 'u1', passwordHash: 'rehashed' } }])
        .when(reset(HASH_A))
        .then([
          { type: 'UserPasswordSet', data: { userId: 'u1', passwordHash: 'new' } },
          { type: 'UserPasswordChanged', data: { userId: 'u1', via: 'reset' } },
        ]);
    });
  });

  describe('name and language', () => {
    it('records a chosen language once, and a new name', () => {
      given(userDecider, registered())
        .when({ type: 'ChangeProfile', userId: 'u1', language: 'de', name: ' Alex Neu ' })
        .then([
          { type: 'UserRenamed', data: { userId: 'u1', name: 'Alex Neu' } },
          { type: 'UserLanguageChosen', data: { userId: 'u1', language: 'de' } },
        ]);
      given(userDecider, [...registered(), { type: 'UserLanguageChosen', data: { userId: 'u1', language: 'de' } }])
        .when({ type: 'ChangeProfile', userId: 'u1', language: 'de' })
        .then([]);
    });

    it('refuses a language the product does not speak, naming the field', () => {
      given(userDecider, registered())
        .when({ type: 'ChangeProfile', userId: 'u1', language: 'fr' })
        .thenFails({ field: 'language', message: 'language must be one of en, de' });
    });
  });
});
