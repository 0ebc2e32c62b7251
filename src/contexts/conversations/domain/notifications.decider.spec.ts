import { given } from '../../../shared/domain/decider.testing';
import { notificationsDecider } from './notifications.decider';

const now = '2026-12-01T09:00:00.000Z';
const who = { accountId: 'a1', userId: 'u2' };

describe('reading notifications', () => {
  it('records the named notifications that were unread', () => {
    given(notificationsDecider)
      .when({ type: 'MarkNotificationsRead', ...who, ids: ['x1', 'x2', 'x3'] }, { unreadIds: ['x1', 'x3'], now })
      .then([{ type: 'NotificationsRead', data: { ...who, ids: ['x1', 'x3'], at: now } }]);
  });

  it('records all of them up to now', () => {
    given(notificationsDecider)
      .when({ type: 'MarkNotificationsRead', ...who, ids: null }, { unreadIds: ['x1'], now })
      .then([{ type: 'NotificationsRead', data: { ...who, ids: null, at: now } }]);
  });

  it('records nothing when nothing asked for is unread', () => {
    given(notificationsDecider).when({ type: 'MarkNotificationsRead', ...who, ids: ['x1'] }, { unreadIds: [], now }).then([]);
  });
});
