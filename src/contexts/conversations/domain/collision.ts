import { DomainError } from '../../../shared/domain/domain-error';

/**
 * A message of the thread as the collision rule sees it. Every kind of message (mail, chat line,
 * reply, and any kind added later such as notes) enters the thread as one of these.
 */
export interface ThreadEntry {
  id: string;
  direction: 'inbound' | 'outbound' | 'note';
  /** `mail`, `auto-reply`, `bounce`, `form`, `chat`, `reply`… */
  kind: string;
  /** The agent who wrote it; null for what the contact (or a machine) sent. */
  authorId: string | null;
  /** When it entered the thread (ISO). */
  at: string;
  /** Who it is from, in words. */
  from: string;
  /** Its first words. */
  excerpt: string;
}

const EXCERPT_LENGTH = 200;

/** The first words of a message, on one line. */
export function excerptOf(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > EXCERPT_LENGTH ? `${line.slice(0, EXCERPT_LENGTH - 1)}…` : line;
}

/**
 * What arrived in the thread after the sender's composer last caught up (`savedAt`) and was not
 * written by the sender: an inbound message, another agent's reply or note. Oldest first.
 */
export function arrivedSince(thread: readonly ThreadEntry[], savedAt: Date, senderId: string): ThreadEntry[] {
  const since = savedAt.getTime();
  return thread.filter((entry) => entry.authorId !== senderId && Date.parse(entry.at) > since).sort((a, b) => a.at.localeCompare(b.at));
}

/** A reply held because something arrived after its composer caught up; the agent sees it, then sends anyway or edits. */
export class SendHeld extends DomainError {
  constructor(readonly arrived: ThreadEntry[]) {
    const what = arrived.length === 1 ? 'A new message' : `${arrived.length} new messages`;
    super('CONVERSATION.SEND_HELD', 'conflict', `${what} arrived in this conversation after you started your reply; read it, then send anyway or edit`);
  }

  override details(): { arrived: Array<Omit<ThreadEntry, 'authorId'>> } {
    return { arrived: this.arrived.map(({ id, direction, kind, from, at, excerpt }) => ({ id, direction, kind, from, at, excerpt })) };
  }
}
