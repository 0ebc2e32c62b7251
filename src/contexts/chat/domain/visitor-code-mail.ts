import type { Language } from '../../../shared/domain/language';

interface CodeMail {
  subject: string;
  text: string;
}

/**
 * The mail that carries a chat visitor's one-time code, in the account's language: the visitor
 * is the account's customer, and the chat speaks for the account.
 */
const TEXTS: Record<Language, (code: string, accountName: string, minutes: number) => CodeMail> = {
  en: (code, accountName, minutes) => ({
    subject: `${code} is your chat code`,
    text: [
      `Your code is ${code}.`,
      '',
      accountName
        ? `Enter it in the chat with ${accountName} to confirm that this address is yours; then we can answer you here by email.`
        : 'Enter it in the chat to confirm that this address is yours; then we can answer you here by email.',
      `It works for ${minutes} minutes.`,
      '',
      'If you did not ask for it, ignore this mail: without the code the chat never sees your mail.',
    ].join('\n'),
  }),
  de: (code, accountName, minutes) => ({
    subject: `${code} ist Ihr Chat-Code`,
    text: [
      `Ihr Code lautet ${code}.`,
      '',
      accountName
        ? `Geben Sie ihn im Chat mit ${accountName} ein, um zu bestätigen, dass diese Adresse Ihnen gehört; dann können wir Ihnen auch per E-Mail antworten.`
        : 'Geben Sie ihn im Chat ein, um zu bestätigen, dass diese Adresse Ihnen gehört; dann können wir Ihnen auch per E-Mail antworten.',
      `Er gilt ${minutes} Minuten.`,
      '',
      'Falls Sie ihn nicht angefordert haben, ignorieren Sie diese E-Mail: Ohne den Code erfährt der Chat nichts von Ihrer Adresse.',
    ].join('\n'),
  }),
};

export function visitorCodeMail(language: Language, code: string, accountName: string, minutes: number): CodeMail {
  return TEXTS[language](code, accountName, minutes);
}
