import type { ThreadCandidate } from '../domain/threading';

const CAPACITY = 50_000;

/**
 * What threading wrote and the read models may not show yet: message ids, Thread-Index roots and
 * reply tokens of the latest conversations, with their participants. Threading reads it before the
 * read model, so it never waits for projections between two mails.
 */
export class RecentThreads {
  /** Key to conversation id; the participants live once per conversation, so a change is one write. */
  private readonly entries = new Map<string, string>();
  private readonly conversations = new Map<string, ThreadCandidate>();

  get(accountId: string, kind: 'message' | 'token', key: string): ThreadCandidate | null {
    const conversationId = this.entries.get(`${accountId}\u0000${kind}\u0000${key}`);
    return conversationId === undefined ? null : (this.conversations.get(conversationId) ?? null);
  }

  remember(accountId: string, keys: Array<['message' | 'token', string]>, candidate: ThreadCandidate): void {
    for (const [kind, key] of keys) {
      const id = `${accountId}\u0000${kind}\u0000${key}`;
      this.entries.delete(id);
      this.entries.set(id, candidate.conversationId);
    }
    this.conversations.delete(candidate.conversationId);
    this.conversations.set(candidate.conversationId, { conversationId: candidate.conversationId, participants: candidate.participants });
    // Oldest first out; by then the read models have long caught up (a key whose conversation left reads as unknown).
    while (this.entries.size > CAPACITY) this.entries.delete(this.entries.keys().next().value as string);
    while (this.conversations.size > CAPACITY) this.conversations.delete(this.conversations.keys().next().value as string);
  }

  clear(): void {
    this.entries.clear();
    this.conversations.clear();
  }

  /** A conversation's participants changed: every entry pointing at it must say so. */
  updateParticipants(conversationId: string, participants: string[]): void {
    const candidate = this.conversations.get(conversationId);
    if (candidate) candidate.participants = participants;
  }
}
