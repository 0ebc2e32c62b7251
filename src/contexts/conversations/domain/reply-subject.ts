import type { Language } from '../../../shared/domain/language';

/**
 * The subject of a reply in a conversation that began with an email: `Re: ` and the customer's
 * subject without the reply and forward prefixes mail clients stacked on it, so the customer's
 * client keeps the thread and the subject never grows into `Re: AW: Re:`. A forward's subject is
 * made the same way with `Fwd: ` (`WG: ` for a German account, as German mail clients forward).
 *
 * Replies keep `Re: ` in German too: RFC 5322 (3.6.5) names it, Thunderbird, Apple Mail and Gmail
 * write it in German as well (only Outlook writes `AW: `), and every client threads on it, while
 * some do not recognise `AW: `. Incoming `AW: ` and `WG: ` are recognised and taken off.
 */

/**
 * Reply and forward prefixes of the common mail clients in their usual languages: English (Re,
 * Fwd, Fw), German (AW, WG), Scandinavian (SV, VS, VB), Dutch (Antw, Doorst), French (Réf, TR),
 * Italian (R, Rif, I), Spanish and Portuguese (RE, RV, ENC, RES), Polish (Odp, PD), Turkish (YNT),
 * Finnish (VL), Chinese (回复, 答复, 转发). Each may carry a counter (`Re[2]:`, `Re(3):`) and is
 * followed by a colon, ASCII or full-width.
 */
const PREFIX_WORDS = [
  're', 'aw', 'sv', 'vs', 'vb', 'antw', 'doorst', 'réf', 'ref', 'tr', 'r', 'rif', 'i', 'rv', 'enc', 'res', 'odp', 'pd', 'ynt', 'vl',
  'fwd', 'fw', 'wg', '回复', '答复', '转发',
];
const PREFIX = new RegExp(`^(?:${PREFIX_WORDS.join('|')})\\s*(?:\\[\\d{1,4}\\]|\\(\\d{1,4}\\))?\\s*[:：]\\s*`, 'iu');
/** A mailing list's tag (`[acme-users]`): kept where it stands, the prefixes behind it stripped. */
const LIST_TAG = /^\[[^\]\r\n]{1,60}\]\s*/u;

/** A subject header is one line of at most 998 characters; `Re: ` takes four of them. */
const SUBJECT_MAX = 998;
const REPLY_PREFIX = 'Re: ';

/** The subject with every leading reply or forward prefix taken off (a list tag in front stays), whitespace collapsed. */
export function strippedSubject(subject: string): string {
  let rest = subject.replace(/\s+/g, ' ').trim();
  const tag = LIST_TAG.exec(rest)?.[0] ?? '';
  rest = rest.slice(tag.length);
  // Each pass takes one prefix off the front; a subject has as many prefixes as it has characters at most.
  for (let match = PREFIX.exec(rest); match && match[0].length > 0; match = PREFIX.exec(rest)) rest = rest.slice(match[0].length);
  return `${tag.trim()} ${rest}`.trim();
}

/**
 * `Re: ` and the stripped subject. A subject that is empty, or nothing but prefixes, answers `Re:`
 * alone: what the customer's own client would send, and a subject the agent can still fill in.
 */
export function replySubject(subject: string): string {
  const stripped = strippedSubject(subject);
  return stripped ? `${REPLY_PREFIX}${stripped}`.slice(0, SUBJECT_MAX).trimEnd() : REPLY_PREFIX.trim();
}

const FORWARD_WORDS: Record<Language, { prefix: string; noSubject: string }> = {
  en: { prefix: 'Fwd: ', noSubject: '(no subject)' },
  de: { prefix: 'WG: ', noSubject: '(kein Betreff)' },
};

/** `Fwd: ` (German: `WG: `) and the stripped subject: forwarding a reply or a forward does not stack prefixes. */
export function forwardSubject(subject: string, language: Language = 'en'): string {
  const words = FORWARD_WORDS[language];
  return `${words.prefix}${strippedSubject(subject) || words.noSubject}`.slice(0, SUBJECT_MAX).trimEnd();
}
