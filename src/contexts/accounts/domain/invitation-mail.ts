import { escapeHtml } from '../../../shared/domain/escape-html';
import type { Language } from '../../../shared/domain/language';

export interface InvitationMailFacts {
  accountName: string;
  inviterName: string;
  /** The one-time link: `<public url>/invite/<token>`. */
  link: string;
  expiresAt: Date;
  /** The account's time zone, for the expiry as the invitee's colleagues would state it. */
  timeZone: string;
}

export interface ComposedMail {
  subject: string;
  text: string;
  html: string;
}

interface Wording {
  locale: string;
  subject(facts: InvitationMailFacts): string;
  /** Paragraphs of the body; the link goes between the first and the rest. */
  intro(facts: InvitationMailFacts): string;
  action: string;
  expiry(when: string): string;
  ignore: string;
}

// A missing language is a type error here, so no invitation goes out half translated.
const wordings: Record<Language, Wording> = {
  en: {
    locale: 'en-GB',
    subject: ({ inviterName, accountName }) => `${inviterName} invited you to ${accountName}`,
    intro: ({ inviterName, accountName }) =>
      `${inviterName} invited you to join ${accountName} in Inbox, where the team answers its customers' mail and chats together.`,
    action: 'Choose your name and password here to get started:',
    expiry: (when) => `This link works once and expires on ${when}. If it has expired, ask an admin of your team to send it again.`,
    ignore: 'If you did not expect this invitation, you can ignore this mail.',
  },
  de: {
    locale: 'de-DE',
    subject: ({ inviterName, accountName }) => `${inviterName} hat Sie zu ${accountName} eingeladen`,
    intro: ({ inviterName, accountName }) =>
      `${inviterName} hat Sie eingeladen, ${accountName} in Inbox beizutreten, wo das Team gemeinsam die E-Mails und Chats seiner Kunden beantwortet.`,
    action: 'Wählen Sie hier Ihren Namen und Ihr Passwort, um loszulegen:',
    expiry: (when) =>
      `Dieser Link funktioniert einmal und läuft am ${when} ab. Ist er abgelaufen, bitten Sie einen Admin Ihres Teams, ihn erneut zu senden.`,
    ignore: 'Falls Sie diese Einladung nicht erwartet haben, können Sie diese E-Mail ignorieren.',
  },
};

/** The invitation mail in the account's language: who invites to which account, the link, and until when it works. */
export function composeInvitationMail(language: Language, facts: InvitationMailFacts): ComposedMail {
  const wording = wordings[language];
  const when = new Intl.DateTimeFormat(wording.locale, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: facts.timeZone,
    timeZoneName: 'short',
  }).format(
    facts.expiresAt,
  );
  const paragraphs = [wording.intro(facts), wording.action, facts.link, wording.expiry(when), wording.ignore];
  const link = escapeHtml(facts.link);
  const html = [
    `<p>${escapeHtml(wording.intro(facts))}</p>`,
    `<p>${escapeHtml(wording.action)}</p>`,
    `<p><a href="${link}">${link}</a></p>`,
    `<p>${escapeHtml(wording.expiry(when))}</p>`,
    `<p>${escapeHtml(wording.ignore)}</p>`,
  ].join('\n');
  return { subject: wording.subject(facts), text: paragraphs.join('\n\n'), html };
}
