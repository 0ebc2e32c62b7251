import { join } from 'node:path';
import { makeTempDir } from '../../../../test/support/temp-dir';
import { openSqlite } from '../../../shared/sqlite/open-sqlite';
import { ThreadDirectory } from './thread-directory';

const accountId = 'acc-dir';
const key = (conversationId: string, value = '<k@example.com>') => ({ kind: 'key' as const, accountId, keyKind: 'message' as const, key: value, conversationId });
const participants = (conversationId: string, ...addresses: string[]) => ({ kind: 'participants' as const, accountId, conversationId, addresses });
const contact = (conversationId: string, contactPrefix: string, email: string, startedAt: string) => ({
  kind: 'contact' as const,
  accountId,
  conversationId,
  contactPrefix,
  email,
  startedAt,
});

describe('ThreadDirectory', () => {
  const dir = makeTempDir('inbox-thread-directory-');
  afterAll(() => dir.cleanup());
  let n = 0;
  const directory = () => new ThreadDirectory(openSqlite(join(dir.path, `directory-${(n += 1)}.db`), { synchronous: 'NORMAL' }));

  it('answers as of a position: what the event there and later ones wrote is not seen yet', () => {
    // Given a key and a participant written at 10, and another participant at 20
    const threads = directory();
    threads.record([key('x'), participants('x', 'carla@example.com')], 10n);
    threads.record([participants('x', 'dan@example.com')], 20n);

    // Then a lookup for the event at 10 finds nothing, at 15 Carla alone, after 20 both
    expect(threads.byKey(accountId, 'message', '<k@example.com>', 10n)).toBeNull();
    expect(threads.byKey(accountId, 'message', '<k@example.com>', 15n)).toEqual({ conversationId: 'x', participants: ['carla@example.com'] });
    expect(threads.byKey(accountId, 'message', '<k@example.com>', 21n)).toEqual({ conversationId: 'x', participants: ['carla@example.com', 'dan@example.com'] });
    expect(threads.byKey('another-account', 'message', '<k@example.com>', 21n)).toBeNull();
  });

  it('keeps a key with the first conversation that claimed it, and dates it by its earliest writer', () => {
    const threads = directory();
    threads.record([key('x')], 30n);
    threads.record([key('y')], 40n);
    threads.record([key('x')], 10n);
    expect(threads.byKey(accountId, 'message', '<k@example.com>', 11n)).toEqual({ conversationId: 'x', participants: [] });
  });

  it("answers a contact's latest conversation, and a chat that turned out to be someone else's leaves its first contact", () => {
    // Given Carla's mail conversation, and a chat started by an anonymous visitor who then proved to be Carla
    const threads = directory();
    threads.record([contact('mail', 'carla', 'carla@example.com', '2026-12-01T09:00:00.000Z')], 10n);
    threads.record([contact('chat', 'visitor', '', '2026-12-01T10:00:00.000Z')], 20n);
    threads.record([contact('chat', 'carla', 'carla@example.com', '2026-12-01T10:00:00.000Z')], 30n);

    // Then before the proof the chat is the visitor's, after it Carla's latest
    expect(threads.latestOfContact(accountId, 'carla', 25n)).toEqual({ conversationId: 'mail', participants: ['carla@example.com'] });
    expect(threads.latestOfContact(accountId, 'visitor', 25n)).toEqual({ conversationId: 'chat', participants: [''] });
    expect(threads.latestOfContact(accountId, 'carla', 31n)).toEqual({ conversationId: 'chat', participants: ['carla@example.com'] });
    expect(threads.latestOfContact(accountId, 'visitor', 31n)).toBeNull();

    // When what the events from 30 on wrote is forgotten (they did not take effect)
    threads.forgetFrom(30n);

    // Then the chat is the visitor's again
    expect(threads.latestOfContact(accountId, 'visitor', 31n)).toEqual({ conversationId: 'chat', participants: [''] });
    expect(threads.latestOfContact(accountId, 'carla', 31n)).toEqual({ conversationId: 'mail', participants: ['carla@example.com'] });
  });

  it('starts unbuilt in a new database, and a new instance on the same database keeps what was written', () => {
    const file = join(dir.path, 'kept.db');
    const threads = new ThreadDirectory(openSqlite(file, { synchronous: 'NORMAL' }));
    expect(threads.isBuilt()).toBe(false);
    threads.record([key('x')], 1n);
    expect(new ThreadDirectory(openSqlite(file, { synchronous: 'NORMAL' })).byKey(accountId, 'message', '<k@example.com>', 2n)?.conversationId).toBe('x');
  });
});
