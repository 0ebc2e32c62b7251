import { fuzzCase, prng, type CorpusMessage } from './mime-fuzzer';

const corpus: CorpusMessage[] = [
  { path: 'a.eml', bytes: Buffer.from('From: a@b.example\r\nSubject: one\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nbody one\r\n') },
  { path: 'b.eml', bytes: Buffer.from('From: c@d.example\r\nContent-Type: multipart/mixed; boundary="x"\r\n\r\n--x\r\nContent-Type: text/plain\r\n\r\ntwo\r\n--x--\r\n') },
];

describe('the MIME fuzzer', () => {
  it('makes the same bytes for the same seed and case, whatever was generated before (a failing case replays alone)', () => {
    const first = Array.from({ length: 50 }, (_, n) => fuzzCase(1234, n, corpus));
    const alone = fuzzCase(1234, 37, corpus);
    expect(alone.name).toBe(first[37].name);
    expect(alone.bytes.equals(first[37].bytes)).toBe(true);
    expect(alone.plus).toBe(first[37].plus);
    expect(fuzzCase(1235, 37, corpus).bytes.equals(alone.bytes)).toBe(false);
  });

  it('draws numbers in [0, 1) the same way on every run', () => {
    const next = prng(42);
    const numbers = Array.from({ length: 1000 }, next);
    expect(numbers.every((n) => n >= 0 && n < 1)).toBe(true);
    expect(prng(42)()).toBe(numbers[0]);
    expect(new Set(numbers.map((n) => Math.floor(n * 10))).size).toBe(10);
  });

  it('mixes corpus mutations with every kind of monster', () => {
    const names = Array.from({ length: 2000 }, (_, n) => fuzzCase(7, n, corpus).name);
    const mutations = names.filter((name) => name.startsWith('mutate('));
    expect(mutations.length).toBeGreaterThan(800);
    const monsters = new Set(names.filter((name) => name.startsWith('monster(')).map((name) => /^monster\(([\w-]+)/.exec(name)?.[1]));
    for (const kind of ['multipart-without-boundary', 'deep-nesting', 'thousands-of-parts', 'nul-bytes', 'huge-header', 'hostile-attachment-names', 'threading', 'hostile-html', 'quote-heavy-text']) {
      expect(monsters).toContain(kind);
    }
  });
});
