import { given } from '../../../shared/domain/decider.testing';
import { accountDecider, type AccountEvent } from './account.decider';
import { userEmailClaimDecider } from './user-email-claim.decider';
import { sessionDecider } from './session.decider';

const primaryAdmin = { userId: 'u1', name: 'Anna', email: 'anna@example.com' };
const opened: AccountEvent = {
  type: 'AccountOpened',
  data: { accountId: 'a1', name: 'Acme', plan: 'trial', timeZone: 'UTC', locale: 'en', primaryAdmin },
};

describe('account decider', () => {
  it('opens an account with UTC and en by default', () => {
    given(accountDecider).when({ type: 'OpenAccount', accountId: 'a1', name: ' Acme ', plan: 'trial', primaryAdmin }).then([opened]);
  });

  it('canonicalizes the time zone and locale it is given', () => {
    given(accountDecider)
      .when({ type: 'OpenAccount', accountId: 'a1', name: 'Acme', plan: 'seats', timeZone: 'europe/berlin', locale: 'DE-ch', primaryAdmin })
      .then([{ type: 'AccountOpened', data: { ...opened.data, plan: 'seats', timeZone: 'Europe/Berlin', locale: 'de-CH' } }]);
  });

  it.each([
    [{ plan: 'gold' }, 'plan'],
    [{ name: '' }, 'accountName'],
    [{ timeZone: 'Nowhere/City' }, 'timeZone'],
    [{ locale: '!!' }, 'locale'],
  ])('refuses to open with %j', (overrides, field) => {
    given(accountDecider)
      .when({ type: 'OpenAccount', accountId: 'a1', name: 'Acme', plan: 'trial', primaryAdmin, ...overrides })
      .thenFails({ field });
  });

  it('opens an account once', () => {
    given(accountDecider, [opened])
      .when({ type: 'OpenAccount', accountId: 'a1', name: 'Acme', plan: 'trial', primaryAdmin })
      .thenFails({ code: 'ACCOUNTS.ALREADY_OPENED' });
  });

  it('records only the settings that change', () => {
    given(accountDecider, [opened])
      .when({ type: 'ChangeAccountSettings', accountId: 'a1', name: 'Acme', timeZone: 'America/New_York' })
      .then([{ type: 'AccountSettingsChanged', data: { accountId: 'a1', changes: { timeZone: 'America/New_York' } } }]);
    given(accountDecider, [opened]).when({ type: 'ChangeAccountSettings', accountId: 'a1', locale: 'en' }).then([]);
  });
});

describe('user email claim decider', () => {
  const claim = { email: 'anna@example.com', userId: 'u1', accountId: 'a1' };
  it('claims a free email', () => {
    given(userEmailClaimDecider).when(claim).then([{ type: 'UserEmailClaimed', data: claim }]);
  });
  it('refuses an email claimed by someone else, and is idempotent for its owner', () => {
    const claimed = [{ type: 'UserEmailClaimed' as const, data: claim }];
    given(userEmailClaimDecider, claimed).when({ ...claim, userId: 'u2' }).thenFails({ code: 'ACCOUNTS.EMAIL_TAKEN' });
    given(userEmailClaimDecider, claimed).when(claim).then([]);
  });
});

describe('session decider', () => {
  const started = { type: 'SessionStarted' as const, data: { sessionId: 's1', userId: 'u1', accountId: 'a1', expiresAt: '2030-01-01T00:00:00.000Z' } };
  it('ends a started session once', () => {
    given(sessionDecider, [started]).when({ type: 'EndSession', sessionId: 's1' }).then([{ type: 'SessionEnded', data: { sessionId: 's1', reason: 'logout' } }]);
    given(sessionDecider, [started, { type: 'SessionEnded', data: { sessionId: 's1', reason: 'logout' } }])
      .when({ type: 'EndSession', sessionId: 's1' })
      .then([]);
  });
});
