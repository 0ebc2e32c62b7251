import { z } from 'zod';
import { InvalidInput } from '../../../shared/domain/domain-error';
import type { Event } from '../../../shared/domain/event-envelope';
import { Timestamp } from '../../../shared/domain/event-schema';
import { mentionsIn, withNamesOf } from './mentions';

/** A note is for colleagues; the bound keeps one from being a document. */
export const NOTE_MAX_LENGTH = 10_000;
/** More people than this in one note is a broadcast, not a mention. */
export const NOTE_MAX_MENTIONS = 50;

/**
 * An internal note in the thread: never sent to the contact or shown in a chat, never queued for
 * the outbox. It is activity in the thread, but not inbound: it neither reopens nor makes the
 * conversation unread. Mentions are written `@[name](userId)` in the text (see mentions.ts).
 */
export const NoteAddedData = z.object({
  conversationId: z.string().min(1),
  accountId: z.string().min(1),
  noteId: z.string().min(1),
  authorId: z.string().min(1),
  authorName: z.string(),
  text: z.string().min(1).max(NOTE_MAX_LENGTH),
  /** Whom the note mentions (each once): the users it notifies, the author aside. */
  mentionedUserIds: z.array(z.string().min(1)).max(NOTE_MAX_MENTIONS),
  addedAt: Timestamp,
});
export type NoteAdded = Event<'NoteAdded', z.infer<typeof NoteAddedData>>;

export interface AddNote {
  type: 'AddNote';
  conversationId: string;
  accountId: string;
  noteId: string;
  author: { id: string; name: string };
  text: string;
  /** Who may be mentioned: the account's active users, as the account names them. */
  colleagues: ReadonlyArray<{ userId: string; name: string }>;
  now: Date;
}

/**
 * Checks the note and records it once. Mentions must name active users of the account; the names
 * the text gives them are replaced by the account's own, so a note cannot show one person's name
 * over another's mention.
 */
export function decideNote(command: AddNote, alreadyRecorded: boolean): NoteAdded[] {
  if (alreadyRecorded) return [];
  const { conversationId, accountId, noteId, author, now } = command;
  const typed = command.text.trim();
  if (!typed) throw new InvalidInput('text', 'text must not be empty');
  if (typed.length > NOTE_MAX_LENGTH) throw new InvalidInput('text', `text must be at most ${NOTE_MAX_LENGTH} characters`);
  const mentions = mentionsIn(typed);
  if (mentions.length > NOTE_MAX_MENTIONS) throw new InvalidInput('text', `text may mention at most ${NOTE_MAX_MENTIONS} people`);
  const names = new Map(command.colleagues.map((c) => [c.userId, c.name]));
  const stranger = mentions.find((mention) => !names.has(mention.userId));
  if (stranger) {
    throw new InvalidInput('text', `text mentions @${stranger.name} (${stranger.userId}), who is not an active user of this account`, 'NOTE.UNKNOWN_MENTION');
  }
  const text = withNamesOf(typed, (userId) => names.get(userId) as string);
  if (text.length > NOTE_MAX_LENGTH) throw new InvalidInput('text', `text must be at most ${NOTE_MAX_LENGTH} characters`);
  return [
    {
      type: 'NoteAdded',
      data: {
        conversationId,
        accountId,
        noteId,
        authorId: author.id,
        authorName: author.name,
        text,
        mentionedUserIds: mentions.map((mention) => mention.userId),
        addedAt: now.toISOString(),
      },
    },
  ];
}
