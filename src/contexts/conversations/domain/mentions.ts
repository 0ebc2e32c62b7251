/**
 * How a note's text writes a mention: `@[name](userId)`. The one grammar of mentions: the decider
 * checks them with it, the notifications quote notes with it, and the web app shows them as chips
 * with it, so raw markup never reaches a screen.
 */
const MENTION = /@\[([^\][\r\n]{1,200})\]\(([A-Za-z0-9_-]{1,100})\)/g;

export interface Mention {
  name: string;
  userId: string;
}

/** A note's text in pieces: plain text, and mentions between them. */
export type NoteSegment = { kind: 'text'; text: string } | { kind: 'mention'; name: string; userId: string };

export function noteSegments(text: string): NoteSegment[] {
  const segments: NoteSegment[] = [];
  let at = 0;
  for (const match of text.matchAll(MENTION)) {
    if (match.index > at) segments.push({ kind: 'text', text: text.slice(at, match.index) });
    segments.push({ kind: 'mention', name: match[1], userId: match[2] });
    at = match.index + match[0].length;
  }
  if (at < text.length) segments.push({ kind: 'text', text: text.slice(at) });
  return segments;
}

/** The people a note mentions, each once, in the order they first appear. */
export function mentionsIn(text: string): Mention[] {
  const seen = new Map<string, Mention>();
  for (const segment of noteSegments(text)) {
    if (segment.kind === 'mention' && !seen.has(segment.userId)) seen.set(segment.userId, { name: segment.name, userId: segment.userId });
  }
  return [...seen.values()];
}

/** A mention as a note writes it; brackets and line breaks of the name cannot be written, so they become spaces. */
export function mentionMarkup({ name, userId }: Mention): string {
  const writable = name.replace(/[[\]\r\n]+/g, ' ').trim().slice(0, 200) || userId;
  return `@[${writable}](${userId})`;
}

/** The note as people read it: each mention as `@name`. */
export function plainNoteText(text: string): string {
  return noteSegments(text)
    .map((segment) => (segment.kind === 'mention' ? `@${segment.name}` : segment.text))
    .join('');
}

/** The note with each mention's name replaced by `nameOf(userId)`: what the account calls them, not what was typed. */
export function withNamesOf(text: string, nameOf: (userId: string) => string): string {
  return noteSegments(text)
    .map((segment) => (segment.kind === 'mention' ? mentionMarkup({ name: nameOf(segment.userId), userId: segment.userId }) : segment.text))
    .join('');
}
