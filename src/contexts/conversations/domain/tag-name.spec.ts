import { MAX_TAGS_PER_CONVERSATION, tagKey, tagName, tagNames, tagWords } from './tag-name';

describe('tag names', () => {
  it('trims, makes inner runs of spaces one, and keeps the case the agent typed', () => {
    expect(tagName('  Billing   issue \t')).toBe('Billing issue');
    expect(tagName('VIP')).toBe('VIP');
  });

  it('takes 1 to 40 characters, counted as characters, not bytes', () => {
    expect(tagName('ü'.repeat(40))).toBe('ü'.repeat(40));
    expect(() => tagName('   ')).toThrow(expect.objectContaining({ field: 'tags', kind: 'invalid', message: 'tags: a tag name must be 1 to 40 characters' }));
    expect(() => tagName('x'.repeat(41))).toThrow(expect.objectContaining({ field: 'tags', message: 'tags: a tag name must be 1 to 40 characters' }));
  });

  it('refuses commas and control characters', () => {
    for (const name of ['a,b', 'a\u0000b', 'bell\u0007', 'a\u200eb']) {
      expect(() => tagName(name)).toThrow(expect.objectContaining({ field: 'tags', message: 'tags: a tag name must not contain commas or control characters' }));
    }
  });

  it('names the field it checks', () => {
    expect(() => tagName('', 'name')).toThrow(expect.objectContaining({ field: 'name', message: 'name: a tag name must be 1 to 40 characters' }));
    expect(() => tagName(7)).toThrow(expect.objectContaining({ field: 'tags' }));
  });

  it('treats names that differ only in case as one tag', () => {
    expect(tagKey('Billing')).toBe(tagKey('BILLING'));
    expect(tagNames(['Billing', ' billing ', 'VIP'])).toEqual(['Billing', 'VIP']);
  });

  it('allows at most 20 tags on a conversation', () => {
    const twenty = Array.from({ length: MAX_TAGS_PER_CONVERSATION }, (_, i) => `tag ${i}`);
    expect(tagNames(twenty)).toHaveLength(20);
    expect(() => tagNames([...twenty, 'one more'])).toThrow(expect.objectContaining({ field: 'tags', message: 'tags: a conversation carries at most 20 tags' }));
    expect(() => tagNames('vip')).toThrow(expect.objectContaining({ field: 'tags' }));
  });

  it('splits a name into the words search matches', () => {
    expect(tagWords('Rückgabe / Refund-2')).toEqual(['ruckgabe', 'refund', '2']);
  });
});
