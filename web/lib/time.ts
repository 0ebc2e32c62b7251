import { languageOfLocale } from '../../src/shared/domain/language';

/**
 * The locale dates are written in for a user reading `language`: the account's locale when it is of
 * that language (so an account in de-CH or en-GB keeps its own formats), else the language itself.
 */
export function displayLocale(accountLocale: string, language: string): string {
  return languageOfLocale(accountLocale) === language ? accountLocale : language;
}

/** Formats an instant in the account's time zone and locale: every time shown to people goes through here. */
export function formatInstant(iso: string, account: { timeZone: string; locale: string }): string {
  return new Intl.DateTimeFormat(account.locale, { dateStyle: 'medium', timeStyle: 'medium', timeZone: account.timeZone }).format(new Date(iso));
}

function offsetMs(instant: number, timeZone: string): number {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    })
      .formatToParts(new Date(instant))
      .map((p) => [p.type, p.value]),
  );
  const asUtc = Date.UTC(+parts.year, +parts.month - 1, +parts.day, +parts.hour, +parts.minute, +parts.second);
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/** A wall-clock time (`YYYY-MM-DDTHH:mm[:ss]`) in `timeZone` as an instant; null when malformed. */
export function wallTimeToInstant(wall: string, timeZone: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(wall);
  if (!match) return null;
  const [, y, mo, d, h, mi, s] = match;
  const guess = Date.UTC(+y, +mo - 1, +d, +h, +mi, +(s ?? 0));
  let instant = guess - offsetMs(guess, timeZone);
  instant = guess - offsetMs(instant, timeZone);
  return new Date(instant);
}

/** The instant as a wall-clock value for a datetime-local input in `timeZone`. */
export function instantToWallTime(iso: string, timeZone: string): string {
  const instant = new Date(iso).getTime();
  const local = new Date(instant + offsetMs(instant, timeZone));
  return local.toISOString().slice(0, 19);
}
