import type { Language } from '../../../shared/domain/language';
import type { EmailNotificationKind, EmailNotificationPreferences } from '../../accounts/contract';
import { plainNoteText } from './mentions';

/** What happened in a conversation that may be worth a mail to a user. */
export type NotificationCause =
  | { kind: 'mention'; conversationId: string; noteId: string; byUserId: string; byName: string; text: string; mentionedUserIds: readonly string[] }
  /** `eventId`: of the assignment, so that each assignment tells once; `byUserId` null when the system assigned. */
  | { kind: 'assignment'; conversationId: string; eventId: string; assigneeId: string | null; byUserId: string | null; byName: string | null; excerpt: string }
  /** A reply the outbox gave up on: its author hears of it, with the relay's answer. */
  | { kind: 'replyFailed'; conversationId: string; messageId: string; attempt: number; authorId: string; excerpt: string; error: string };

/** A user who may get the mail, as the accounts read model knows them. */
export interface NotifiedUser {
  name: string;
  email: string;
  active: boolean;
  language: Language;
  wants: EmailNotificationPreferences;
}

export interface NotifiedConversation {
  subject: string;
  contact: { name: string; email: string } | null;
}

/** A mail to queue for a user; `key` makes it once-only however often the cause is handled. */
export interface NotificationMail {
  key: string;
  userId: string;
  to: { name: string; address: string };
  subject: string;
  text: string;
}

/** The quote of what was written: enough to know what it is about, never a whole document. */
export const EXCERPT_MAX_CHARS = 500;
const EXCERPT_MAX_LINES = 8;
const SUBJECT_MAX_CHARS = 120;
/**
 * Older than this when first handled, a cause is no news: a deployment that adds notifications (or a
 * runner that starts from the beginning of the log) does not mail people about last year's mentions.
 */
export const NOTIFICATION_MAX_AGE_MS = 24 * 60 * 60 * 1000;

/** Who a cause tells, each with the key of their one mail. Nobody hears of what they did themselves. */
export function notifiedBy(cause: NotificationCause): Array<{ userId: string; key: string }> {
  switch (cause.kind) {
    case 'mention':
      return [...new Set(cause.mentionedUserIds)]
        .filter((userId) => userId !== cause.byUserId)
        .map((userId) => ({ userId, key: `mention-${cause.noteId}-${userId}` }));
    case 'assignment':
      return cause.assigneeId === null || cause.assigneeId === cause.byUserId
        ? []
        : [{ userId: cause.assigneeId, key: `assignment-${cause.eventId}-${cause.assigneeId}` }];
    case 'replyFailed':
      return [{ userId: cause.authorId, key: `replyfailed-${cause.messageId}-${cause.attempt}` }];
  }
}

/**
 * The mails a cause sends: one per user it tells who is still active and wants this kind by email,
 * in that user's language, naming the conversation and who did it, with a link to the conversation.
 */
export function decideEmailNotifications(
  cause: NotificationCause,
  facts: { conversation: NotifiedConversation; userOf: (userId: string) => NotifiedUser | null; publicUrl: string; occurredAt: string; now: Date },
): NotificationMail[] {
  if (facts.now.getTime() - Date.parse(facts.occurredAt) > NOTIFICATION_MAX_AGE_MS) return [];
  const mails: NotificationMail[] = [];
  for (const { userId, key } of notifiedBy(cause)) {
    const user = facts.userOf(userId);
    if (!user || !user.active || !user.wants[cause.kind] || !user.email) continue;
    const { subject, text } = composeNotification(cause, facts.conversation, facts.publicUrl, user.language);
    mails.push({ key, userId, to: { name: user.name, address: user.email }, subject, text });
  }
  return mails;
}

interface Wording {
  conversation: string;
  what: string;
  excerpt: string;
  link: string;
  error: string | null;
}

type Texts = {
  [K in EmailNotificationKind]: { subject: (w: Wording, by: string | null) => string; opening: (w: Wording, by: string | null) => string };
} & { open: string; because: string; untitled: string };

// The mail is composed here, per language: a language without texts is a type error.
const TEXTS: Record<Language, Texts> = {
  en: {
    mention: {
      subject: (w, by) => `${by} mentioned you: ${w.conversation}`,
      opening: (w, by) => `${by} mentioned you in a note on ${w.what}:`,
    },
    assignment: {
      subject: (w) => `Assigned to you: ${w.conversation}`,
      opening: (w, by) => (by ? `${by} assigned you the conversation ${w.what}.` : `The conversation ${w.what} was assigned to you.`),
    },
    replyFailed: {
      subject: (w) => `Your reply could not be delivered: ${w.conversation}`,
      opening: (w) => `Your reply in ${w.what} could not be delivered, and the outbox has stopped trying. The mail server answered:\n\n  ${w.error}\n\nYour reply:`,
    },
    open: 'Open the conversation:',
    because: 'You get this mail because these notifications are on in your profile. You can turn them off there.',
    untitled: '(no subject)',
  },
  de: {
    mention: {
      subject: (w, by) => `${by} hat Sie erwähnt: ${w.conversation}`,
      opening: (w, by) => `${by} hat Sie in einer Notiz zum Gespräch ${w.what} erwähnt:`,
    },
    assignment: {
      subject: (w) => `Ihnen zugewiesen: ${w.conversation}`,
      opening: (w, by) => (by ? `${by} hat Ihnen das Gespräch ${w.what} zugewiesen.` : `Das Gespräch ${w.what} wurde Ihnen zugewiesen.`),
    },
    replyFailed: {
      subject: (w) => `Ihre Antwort konnte nicht zugestellt werden: ${w.conversation}`,
      opening: (w) =>
        `Ihre Antwort im Gespräch ${w.what} konnte nicht zugestellt werden; der Postausgang versucht es nicht mehr. Der Mailserver antwortete:\n\n  ${w.error}\n\nIhre Antwort:`,
    },
    open: 'Gespräch öffnen:',
    because: 'Sie erhalten diese E-Mail, weil diese Benachrichtigungen in Ihrem Profil eingeschaltet sind. Dort können Sie sie ausschalten.',
    untitled: '(kein Betreff)',
  },
};

export function composeNotification(
  cause: NotificationCause,
  conversation: NotifiedConversation,
  publicUrl: string,
  language: Language,
): { subject: string; text: string } {
  const texts = TEXTS[language];
  const title = oneLine(conversation.subject, SUBJECT_MAX_CHARS) || texts.untitled;
  const contact = conversation.contact ? oneLine(conversation.contact.name ? `${conversation.contact.name} <${conversation.contact.email}>` : conversation.contact.email, 200) : '';
  const wording: Wording = {
    conversation: title,
    what: contact ? `“${title}” (${contact})` : `“${title}”`,
    excerpt: quoted(cause.kind === 'mention' ? plainNoteText(cause.text) : cause.excerpt),
    link: `${publicUrl}/inbox/${encodeURIComponent(cause.conversationId)}`,
    error: cause.kind === 'replyFailed' ? oneLine(cause.error, 300) : null,
  };
  const by = cause.kind === 'mention' ? oneLine(cause.byName, 100) : cause.kind === 'assignment' && cause.byName ? oneLine(cause.byName, 100) : null;
  const kind = texts[cause.kind];
  const body = [kind.opening(wording, by), wording.excerpt, `${texts.open} ${wording.link}`, '-- ', texts.because].filter(Boolean);
  return { subject: kind.subject(wording, by), text: `${body.join('\n\n')}\n` };
}

/** Text from outside on one line, without control characters, cut to `max` characters. */
function oneLine(text: string, max: number): string {
  // eslint-disable-next-line no-control-regex
  const line = text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ').replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

/** A bounded quote, each line marked as quoted; empty when there is nothing to quote. */
function quoted(text: string): string {
  // eslint-disable-next-line no-control-regex
  const clean = text.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/g, ' ');
  let lines = clean.split('\n').map((line) => line.trimEnd()).filter((line, i, all) => line || (i > 0 && all[i - 1]));
  let cut = lines.length > EXCERPT_MAX_LINES;
  lines = lines.slice(0, EXCERPT_MAX_LINES);
  let joined = lines.join('\n').trim();
  if (joined.length > EXCERPT_MAX_CHARS) {
    joined = joined.slice(0, EXCERPT_MAX_CHARS - 1).trimEnd();
    cut = true;
  }
  if (!joined) return '';
  return `${joined}${cut ? '…' : ''}`
    .split('\n')
    .map((line) => (line ? `> ${line}` : '>'))
    .join('\n');
}
