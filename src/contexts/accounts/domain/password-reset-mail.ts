import type { Language } from '../../../shared/domain/language';

export interface PasswordResetMail {
  subject: string;
  text: string;
}

/** The reset mail in each language the product speaks: a missing language does not compile. */
const texts: Record<Language, (name: string, link: string) => PasswordResetMail> = {
  en: (name, link) => ({
    subject: 'Reset your password',
    text: [
      `Hello ${name},`,
      '',
      'someone (we hope you) asked to reset the password of your Inbox account. To choose a new one, open this link within one hour:',
      '',
      link,
      '',
      'The link works once. If you did not ask for it, ignore this mail: your password stays as it is.',
    ].join('\n'),
  }),
  de: (name, link) => ({
    subject: 'Passwort zurücksetzen',
    text: [
      `Hallo ${name},`,
      '',
      'jemand (hoffentlich Sie) hat das Zurücksetzen des Passworts Ihres Inbox-Kontos angefordert. Öffnen Sie innerhalb einer Stunde diesen Link, um ein neues Passwort festzulegen:',
      '',
      link,
      '',
      'Der Link funktioniert einmal. Wenn Sie das nicht angefordert haben, ignorieren Sie diese E-Mail: Ihr Passwort bleibt unverändert.',
    ].join('\n'),
  }),
};

/** The mail with a reset link (`link` is the whole URL, starting at the public URL). */
export function passwordResetMail(language: Language, name: string, link: string): PasswordResetMail {
  return texts[language](name, link);
}

export const PASSWORD_RESET_LINK_LIFETIME_MS = 60 * 60 * 1000;
