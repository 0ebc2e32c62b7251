import { mentionMarkup, mentionsIn, noteSegments, plainNoteText, withNamesOf } from './mentions';

describe('mentions in a note', () => {
  it('splits the text into words and mentions', () => {
    expect(noteSegments('Hi @[Ben Agent](u2), look.')).toEqual([
      { kind: 'text', text: 'Hi ' },
      { kind: 'mention', name: 'Ben Agent', userId: 'u2' },
      { kind: 'text', text: ', look.' },
    ]);
  });

  it('takes what only looks like a mention as text', () => {
    for (const text of ['mail me @ home', '@[no id]', '@[x](has space)', '[Ben](u2)', 'a@[multi\nline](u2)']) {
      expect(noteSegments(text)).toEqual([{ kind: 'text', text }]);
    }
  });

  it('lists each person once, in order', () => {
    expect(mentionsIn('@[B](u2) @[A](u1) @[B again](u2)')).toEqual([
      { name: 'B', userId: 'u2' },
      { name: 'A', userId: 'u1' },
    ]);
  });

  it('writes a mention any name can take, and reads as @name', () => {
    expect(mentionMarkup({ name: 'Ben [ops]', userId: 'u2' })).toBe('@[Ben  ops](u2)');
    expect(plainNoteText('Ask @[Ben](u2)!')).toBe('Ask @Ben!');
    expect(withNamesOf('Ask @[Boss](u2)', () => 'Ben Agent')).toBe('Ask @[Ben Agent](u2)');
  });
});
