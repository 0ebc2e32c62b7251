import 'server-only';
import { getLocale } from 'next-intl/server';

/**
 * How a page shows times: in the account's time zone, in the user's language. The account's own
 * locale is kept when it is in that language (`de-CH` for a German user: Swiss dates), else the
 * user's language decides the format.
 */
export async function displayClock(account: { timeZone: string; locale: string }): Promise<{ timeZone: string; locale: string }> {
  const language = await getLocale();
  const accountLanguage = account.locale.toLowerCase().split(/[-_]/)[0];
  return { timeZone: account.timeZone, locale: accountLanguage === language ? account.locale : language };
}
