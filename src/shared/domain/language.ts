/**
 * The languages the product speaks to people: its pages, the mail it sends its own users, and the
 * built-in texts of outgoing mail. A user picks one; until then the account's locale decides.
 */
export const LANGUAGES = ['en', 'de'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'en';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** The language of a locale tag (`de-CH` speaks German); a locale of another language falls back to English. */
export function languageOfLocale(locale: string | null | undefined): Language {
  const primary = (locale ?? '').split(/[-_]/)[0]?.toLowerCase();
  return isLanguage(primary) ? primary : DEFAULT_LANGUAGE;
}

/**
 * The first supported language of an `Accept-Language` header, by its q-values; English when none
 * is supported. The header is the browser's, so its length and the number of entries read are bounded.
 */
export function languageOfAcceptLanguage(header: string | null | undefined): Language {
  const entries = (header ?? '')
    .slice(0, 512)
    .split(',')
    .slice(0, 20)
    .map((entry, index) => {
      const [tag, ...params] = entry.trim().split(';');
      const q = params.map((param) => /^\s*q=([01](?:\.\d{0,3})?)\s*$/.exec(param)?.[1]).find((value) => value !== undefined);
      return { tag: tag.trim(), q: q === undefined ? 1 : Number(q), index };
    })
    .filter((entry) => entry.tag && entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { tag } of entries) {
    const primary = tag.split(/[-_]/)[0].toLowerCase();
    if (isLanguage(primary)) return primary;
  }
  return DEFAULT_LANGUAGE;
}
