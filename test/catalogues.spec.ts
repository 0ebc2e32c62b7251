import { join } from 'node:path';
import { catalogueProblems, loadCatalogues, sourceProblems, webSources } from './support/catalogue-check';

// The web app speaks English and German completely: this fails on a key missing in either
// language, a message that is not valid ICU or takes other arguments in the other language, a key
// the code asks for that no catalogue has, and words for people written into a component.

const web = join(__dirname, '..', 'web');

describe('the message catalogues of the web app', () => {
  const catalogues = loadCatalogues(join(web, 'messages'));

  it('has English and German, each with every key of the other, valid and with the same arguments', () => {
    expect(Object.keys(catalogues).sort()).toEqual(['de', 'en']);
    expect(catalogueProblems(catalogues)).toEqual([]);
  });

  it('holds every word the pages show, and every key the code asks for', () => {
    expect(sourceProblems(webSources(web), catalogues.en)).toEqual([]);
  });
});

describe('the catalogue check itself', () => {
  const en = { inbox: { title: 'Inbox', count: '{count, plural, one {# conversation} other {# conversations}}' } };

  it('finds a key missing in one language, an invalid message and arguments that differ', () => {
    expect(catalogueProblems({ en, de: { inbox: { title: 'Posteingang' } } })).toEqual(['de: missing inbox.count (it is in en)']);
    expect(catalogueProblems({ en: { a: { b: 'x' } }, de: { a: { b: 'y', c: 'z' } } })).toEqual(['en: missing a.c (it is in de)']);
    expect(catalogueProblems({ en: { a: 'Hello {name' }, de: { a: 'Hallo' } })[0]).toMatch(/^en: a is not a valid ICU message/);
    expect(catalogueProblems({ en: { a: 'Hello {name}' }, de: { a: 'Hallo {nme}' } })).toEqual(['de: a takes {nme} where en takes {name}']);
    expect(catalogueProblems({ en: { a: '' }, de: { a: 'x' } })).toEqual(['en: a is not a non-empty string']);
    expect(catalogueProblems({ en, de: { inbox: { title: 'Posteingang', count: '{count, plural, one {# Gespräch} other {# Gespräche}}' } } })).toEqual([]);
  });

  it('finds words written into a component, and keys no catalogue has', () => {
    const file = (text: string) => [{ path: 'web/components/example.tsx', text }];
    expect(sourceProblems(file(`export const A = () => <p>No conversations yet</p>;`), en)).toEqual([
      'web/components/example.tsx:1: text "No conversations yet" is not from a catalogue',
    ]);
    expect(sourceProblems(file(`export const A = () => <button aria-label="Close">×</button>;`), en)).toEqual([
      'web/components/example.tsx:1: aria-label="Close" is not from a catalogue',
    ]);
    expect(sourceProblems(file(`export const message = (n: number) => \`\${n} conversations were closed\`;`), en)).toHaveLength(1);
    expect(sourceProblems(file(`export const state = { done: true, message: 'Signature saved' };`), en)).toHaveLength(1);
    expect(
      sourceProblems(file(`import { useTranslations } from 'next-intl';\nexport function A() { const t = useTranslations('inbox'); return <p>{t('titel')}</p>; }`), en),
    ).toEqual(['web/components/example.tsx:2: no message inbox.titel in the catalogue']);
  });

  it('passes translated text, classes, keys, directives, marked lines and verbatim keys', () => {
    const file = (text: string) => [{ path: 'web/components/example.tsx', text }];
    const clean = `'use client';
import { useTranslations } from 'next-intl';
export function A({ n }: { n: number }) {
  const t = useTranslations('inbox');
  if (n === 0) return null;
  // not words for people
  const key = 'Escape';
  return <p className="bg-rose-50 text-rose-700" data-key={key}>{t('title')} · {t('count', { count: n })} <kbd>Shift</kbd></p>;
}`;
    expect(sourceProblems(file(clean), en)).toEqual([]);
  });
});
