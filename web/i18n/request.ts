import { headers } from 'next/headers';
import { getRequestConfig } from 'next-intl/server';
import { getMe } from '@/lib/api';
import { languageOfAcceptLanguage } from '../../src/shared/domain/language';
import { messagesOf } from './messages';

/**
 * The language of this request: the signed-in user's (their choice, else their account's locale,
 * as the API says on /api/me); for anyone else, the browser's Accept-Language (sign-in, sign-up,
 * a public form, the chat widget).
 */
export default getRequestConfig(async () => {
  const me = await getMe();
  const locale = me?.language ?? languageOfAcceptLanguage((await headers()).get('accept-language'));
  return {
    locale,
    messages: messagesOf(locale),
    // Times are shown in the account's zone, passed where they are formatted; this only keeps
    // server and browser from differing where none is passed.
    timeZone: 'UTC',
  };
});
