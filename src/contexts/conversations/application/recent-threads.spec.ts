import { RecentThreads } from './recent-threads';

describe('RecentThreads', () => {
  it('answers every key of a conversation with its latest participants', () => {
    const recent = new RecentThreads();
    recent.remember('a1', [['token', 't1'], ['message', '<m1@x>']], { conversationId: 'c1', participants: ['x@example.com'] });
    recent.remember('a1', [['message', '<m2@x>']], { conversationId: 'c1', participants: ['x@example.com', 'y@example.com'] });
    recent.updateParticipants('c1', ['x@example.com', 'y@example.com', 'z@example.com']);
    for (const [kind, key] of [['token', 't1'], ['message', '<m1@x>'], ['message', '<m2@x>']] as const) {
      expect(recent.get('a1', kind, key)).toEqual({ conversationId: 'c1', participants: ['x@example.com', 'y@example.com', 'z@example.com'] });
    }
  });

  it('keeps accounts apart and forgets everything on clear', () => {
    const recent = new RecentThreads();
    recent.remember('a1', [['message', '<m1@x>']], { conversationId: 'c1', participants: [] });
    expect(recent.get('a2', 'message', '<m1@x>')).toBeNull();
    recent.clear();
    expect(recent.get('a1', 'message', '<m1@x>')).toBeNull();
  });
});
