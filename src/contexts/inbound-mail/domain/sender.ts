import type { MailAddress, ParsedMail } from './inbound-mail.events';

const NOT_A_PERSON = /^(no-?reply|do-?not-?reply|mailer-daemon|postmaster|bounces?|notifications?)([+.@-]|$)/i;

/**
 * Who wrote the mail and gets the answer: the Reply-To when it names a person other than the From
 * (mail sent through a form or a shared tool), else the From. Never one of our own addresses.
 */
export function senderOf(mail: Pick<ParsedMail, 'from' | 'replyTo'>, ownDomain: string): MailAddress | null {
  const isOurs = (address: string) => address.endsWith(`.${ownDomain}`) || address.endsWith(`@${ownDomain}`);
  const replyTo = mail.replyTo.find((candidate) => !isOurs(candidate.address) && !NOT_A_PERSON.test(candidate.address));
  if (replyTo && replyTo.address !== mail.from?.address) return replyTo;
  if (mail.from && !isOurs(mail.from.address)) return mail.from;
  return replyTo ?? null;
}
