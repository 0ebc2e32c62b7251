import { jsonNestsDeeperThan } from './json-depth';

const bytes = (text: string) => Buffer.from(text, 'utf8');

describe('jsonNestsDeeperThan', () => {
  it('counts arrays and objects together', () => {
    expect(jsonNestsDeeperThan(bytes('{"a":[{"b":[1]}]}'), 4)).toBe(false);
    expect(jsonNestsDeeperThan(bytes('{"a":[{"b":[1]}]}'), 3)).toBe(true);
  });

  it('ignores brackets inside strings, escaped quotes included', () => {
    expect(jsonNestsDeeperThan(bytes(`{"text":"${'[{'.repeat(100)}"}`), 1)).toBe(false);
    expect(jsonNestsDeeperThan(bytes(`{"text":"say \\"[[[[\\" ok"}`), 1)).toBe(false);
    expect(jsonNestsDeeperThan(bytes(`["\\\\",[[1]]]`), 2)).toBe(true);
  });

  it('finds 45,000 nested brackets at once', () => {
    expect(jsonNestsDeeperThan(bytes('['.repeat(45_000) + ']'.repeat(45_000)), 64)).toBe(true);
  });
});
