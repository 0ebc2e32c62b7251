import { escapeHtml } from '../../channel-configuration/contract';
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

const SEPARATOR = '---------- Forwarded message ---------';

const named = (person: MessageAddress) => (person.name ? `${person.name} <${person.address}>` : person.address);

function headerLines(message: ForwardedMessage): Array<[string, string]> {
  return [
    ['From', message.from ? named(message.from) : ''],
    ['Date', new Date(message.sentAt).toUTCString()],
    ['Subject', message.subject],
    ['To', message.to.map(named).join(', ')],
    ...(message.cc.length > 0 ? [['Cc', message.cc.map(named).join(', ')] as [string, string]] : []),
  ];
}

/** The agent's note, then each message under the separator with From, Date, Subject, To (and Cc). */
export function forwardedText(note: string, messages: readonly ForwardedMessage[]): string {
  const quoted = messages.map((message) => [SEPARATOR, ...headerLines(message).map(([name, value]) => `${name}: ${value}`), '', message.text.replace(/\r\n?/g, '\n')].join('\n'));
  return [note.replace(/\r\n?/g, '\n').trimEnd(), ...quoted].join('\n\n');
}

/** The quoted messages as HTML, to follow the note's own HTML; each message's HTML is already sanitized. */
export function forwardedHtml(messages: readonly ForwardedMessage[]): string {
  return messages
    .map((message) => {
      const headers = headerLines(message)
        .map(([name, value]) => `${name}: ${escapeHtml(value)}`)
        .join('<br>');
      const body = message.html ?? `<div style="white-space:pre-wrap">${escapeHtml(message.text)}</div>`;
      return `<div class="forwarded-message" style="margin-top:24px"><div style="color:#475569">${SEPARATOR}<br>${headers}</div><br>${body}</div>`;
    })
    .join('');
}
