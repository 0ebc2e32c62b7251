import { languageOfAcceptLanguage, languageOfLocale } from './language';

describe('language', () => {
  it('takes the language of a locale tag, English for one it does not speak', () => {
    expect(languageOfLocale('de-CH')).toBe('de');
    expect(languageOfLocale('de')).toBe('de');
    expect(languageOfLocale('en-GB')).toBe('en');
    expect(languageOfLocale('pt-BR')).toBe('en');
    expect(languageOfLocale(undefined)).toBe('en');
  });

  it("follows the browser's Accept-Language by q-value, skipping languages it does not speak", () => {
    expect(languageOfAcceptLanguage('de-DE,de;q=0.9,en;q=0.8')).toBe('de');
    expect(languageOfAcceptLanguage('fr-FR,fr;q=0.9,de;q=0.5,en;q=0.3')).toBe('de');
    expect(languageOfAcceptLanguage('en;q=0.4, de;q=0.7')).toBe('de');
    expect(languageOfAcceptLanguage('de;q=0, en')).toBe('en');
    expect(languageOfAcceptLanguage('fr')).toBe('en');
    expect(languageOfAcceptLanguage(null)).toBe('en');
  });

  it('reads a bounded part of a hostile header', () => {
    expect(languageOfAcceptLanguage(`${'x,'.repeat(100_000)}de`)).toBe('en');
  });
});
