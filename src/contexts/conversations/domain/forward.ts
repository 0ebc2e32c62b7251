import { escapeHtml } from '../../channel-configuration/contract';
import type { Language } from '../../../shared/domain/language';
import type { MessageAddress } from './mail-types';

/** A message as a forward quotes it: its headers and its body, as mail clients show a forwarded message. */
export interface ForwardedMessage {
  from: MessageAddress | null;
  to: readonly MessageAddress[];
  cc: readonly MessageAddress[];
  subject: string;
  /** ISO 8601. */
  sentAt: string;
  text: string;
  /** Sanitized HTML, or null for a message with text only. */
  html: string | null;
}

/** At most this many messages go into one forward (the newest of a conversation forwarded whole). */
export const MAX_FORWARDED_MESSAGES = 50;

/** The language and time zone the forward's built-in texts are written in: the account's. */
export interface ForwardLocale {
  language: Language;
  timeZone: string;
}

const ENGLISH: ForwardLocale = { language: 'en', timeZone: 'UTC' };

/**
 * The separator and header names per language, as the mail clients of that language write them
 * (Gmail's English and German forwards); the date in English stays the RFC form it always had.
 */
const WORDS: Record<Language, { separator: string; from: string; date: string; subject: string; to: string; cc: string }> = {
  en: { separator: '---------- Forwarded message ---------', from: 'From', date: 'Date', subject: 'Subject', to: 'To', cc: 'Cc' },
  de: { separator: '---------- Weitergeleitete Nachricht ---------', from: 'Von', date: 'Datum', subject: 'Betreff', to: 'An', cc: 'Cc' },
};

const named = (person: MessageAddress) => (person.name ? `${person.name} <${person.address}>` : person.address);

function dateOf(sentAt: string, locale: ForwardLocale): string {
  const at = new Date(sentAt);
  if (locale.language === 'en') return at.toUTCString();
  const day = new Intl.DateTimeFormat('de', { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', timeZone: locale.timeZone }).format(at);
  const time = new Intl.DateTimeFormat('de', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: locale.timeZone }).format(at);
  return `${day} um ${time}`;
}

function headerLines(message: ForwardedMessage, locale: ForwardLocale): Array<[string, string]> {
  const words = WORDS[locale.language];
  return [
    [words.from, message.from ? named(message.from) : ''],
    [words.date, dateOf(message.sentAt, locale)],
    [words.subject, message.subject],
    [words.to, message.to.map(named).join(', ')],
    ...(message.cc.length > 0 ? [[words.cc, message.cc.map(named).join(', ')] as [string, string]] : []),
  ];
}

/** The agent's note, then each message under the separator with From, Date, Subject, To (and Cc), in the account's language. */
export function forwardedText(note: string, messages: readonly ForwardedMessage[], locale: ForwardLocale = ENGLISH): string {
  const separator = WORDS[locale.language].separator;
  const quoted = messages.map((message) => [separator, ...headerLines(message, locale).map(([name, value]) => `${name}: ${value}`), '', message.text.replace(/\r\n?/g, '\n')].join('\n'));
  return [note.replace(/\r\n?/g, '\n').trimEnd(), ...quoted].join('\n\n');
}

/** The quoted messages as HTML, to follow the note's own HTML; each message's HTML is already sanitized. */
export function forwardedHtml(messages: readonly ForwardedMessage[], locale: ForwardLocale = ENGLISH): string {
  const separator = WORDS[locale.language].separator;
  return messages
    .map((message) => {
      const headers = headerLines(message, locale)
        .map(([name, value]) => `${name}: ${escapeHtml(value)}`)
        .join('<br>');
      const body = message.html ?? `<div style="white-space:pre-wrap">${escapeHtml(message.text)}</div>`;
      return `<div class="forwarded-message" style="margin-top:24px"><div style="color:#475569">${separator}<br>${headers}</div><br>${body}</div>`;
    })
    .join('');
}
