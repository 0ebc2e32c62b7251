import { ThreadPresence, type PresenceChange } from './thread-presence';

const anna = { id: 'anna', name: 'Anna' };
const ben = { id: 'ben', name: 'Ben' };

function registry(now: { t: number }) {
  const presence = new ThreadPresence({ ttlMs: 15_000, beatsPerMinute: 5, now: () => now.t });
  const changes: PresenceChange[] = [];
  presence.watch('a1', (change) => changes.push(change));
  return { presence, changes };
}

describe('who is in a thread', () => {
  it('answers everyone present and pushes a change only when someone comes, changes state or leaves', () => {
    const now = { t: 0 };
    const { presence, changes } = registry(now);
    expect(presence.beat('a1', 'c1', anna, 'viewing')).toEqual([{ userId: 'anna', name: 'Anna', state: 'viewing' }]);
    expect(presence.beat('a1', 'c1', ben, 'viewing')).toHaveLength(2);
    now.t = 5_000;
    presence.beat('a1', 'c1', anna, 'viewing');
    expect(changes).toHaveLength(2);
    presence.beat('a1', 'c1', anna, 'typing');
    expect(changes.at(-1)).toEqual({
      accountId: 'a1',
      conversationId: 'c1',
      users: [
        { userId: 'anna', name: 'Anna', state: 'typing' },
        { userId: 'ben', name: 'Ben', state: 'viewing' },
      ],
    });
    presence.beat('a1', 'c1', ben, 'left');
    expect(changes.at(-1)?.users).toEqual([{ userId: 'anna', name: 'Anna', state: 'typing' }]);
    expect(changes).toHaveLength(4);
    presence.stop();
  });

  it('lets an entry lapse when its tab stops heartbeating, and says so', () => {
    const now = { t: 0 };
    const { presence, changes } = registry(now);
    presence.beat('a1', 'c1', anna, 'viewing');
    now.t = 14_999;
    presence.sweep();
    expect(presence.who('a1', 'c1')).toHaveLength(1);
    now.t = 15_000;
    expect(presence.who('a1', 'c1')).toEqual([]);
    presence.sweep();
    expect(changes.at(-1)).toEqual({ accountId: 'a1', conversationId: 'c1', users: [] });
    presence.stop();
  });

  it("keeps accounts apart: a watcher hears only its own account's threads", () => {
    const now = { t: 0 };
    const { presence, changes } = registry(now);
    presence.beat('a2', 'c9', anna, 'viewing');
    expect(changes).toEqual([]);
    presence.stop();
  });

  it('limits the heartbeats of one user', () => {
    const now = { t: 0 };
    const { presence } = registry(now);
    for (let i = 0; i < 5; i += 1) presence.beat('a1', 'c1', anna, 'viewing');
    expect(presence.waitSeconds('anna')).toBe(60);
    expect(presence.waitSeconds('ben')).toBe(0);
    now.t = 60_001;
    expect(presence.waitSeconds('anna')).toBe(0);
    presence.stop();
  });
});
