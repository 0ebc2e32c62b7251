import { arrivedSince, excerptOf, type ThreadEntry } from './collision';

const entry = (id: string, at: string, authorId: string | null, overrides: Partial<ThreadEntry> = {}): ThreadEntry => ({
  id,
  direction: authorId ? 'outbound' : 'inbound',
  kind: authorId ? 'reply' : 'mail',
  authorId,
  at,
  from: authorId ?? 'Carla',
  excerpt: '…',
  ...overrides,
});

const thread = [
  entry('m1', '2026-12-07T09:00:00.000Z', null),
  entry('r1', '2026-12-07T09:05:00.000Z', 'anna'),
  entry('m2', '2026-12-07T09:10:00.000Z', null),
  entry('r2', '2026-12-07T09:12:00.000Z', 'ben'),
  entry('r3', '2026-12-07T09:13:00.000Z', 'anna'),
];

describe('what arrived while an agent was composing', () => {
  it("is every message newer than the composer's savedAt that the sender did not write, oldest first", () => {
    expect(arrivedSince(thread, new Date('2026-12-07T09:06:00.000Z'), 'anna').map((e) => e.id)).toEqual(['m2', 'r2']);
  });

  it('is nothing when the composer saw the newest message', () => {
    expect(arrivedSince(thread, new Date('2026-12-07T09:13:00.000Z'), 'ben')).toEqual([]);
    expect(arrivedSince(thread, new Date('2026-12-07T09:12:00.000Z'), 'anna')).toEqual([]);
  });

  it("never holds a send for the sender's own messages", () => {
    expect(arrivedSince(thread, new Date('2026-12-07T09:11:00.000Z'), 'anna').map((e) => e.id)).toEqual(['r2']);
  });

  it('counts any kind of message by someone else, such as a note', () => {
    const withNote = [...thread, entry('n1', '2026-12-07T09:20:00.000Z', 'ben', { kind: 'note' })];
    expect(arrivedSince(withNote, new Date('2026-12-07T09:14:00.000Z'), 'anna').map((e) => e.id)).toEqual(['n1']);
  });
});

describe('an excerpt', () => {
  it('is the first words on one line, cut with an ellipsis', () => {
    expect(excerptOf('  Hello\r\n\r\nthere  ')).toBe('Hello there');
    const long = excerptOf('word '.repeat(100));
    expect(long).toHaveLength(200);
    expect(long.endsWith('…')).toBe(true);
  });
});
