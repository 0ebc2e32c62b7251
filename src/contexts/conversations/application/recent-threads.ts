import type { ThreadCandidate } from '../domain/threading';

const CAPACITY = 50_000;

/**
 * What threading wrote and the read models may not show yet: message ids, Thread-Index roots and
 * reply tokens of the latest conversations, with their participants. Threading reads it before the
 * read model, so it never waits for projections between two mails.
 */
export class RecentThreads {
  private readonly entries = new Map<string, ThreadCandidate>();

  get(accountId: string, kind: 'message' | 'token', key: string): ThreadCandidate | null {
    return this.entries.get(`${accountId}\u0000${kind}\u0000${key}`) ?? null;
  }

  remember(accountId: string, keys: Array<['message' | 'token', string]>, candidate: ThreadCandidate): void {
    for (const [kind, key] of keys) {
      const id = `${accountId}\u0000${kind}\u0000${key}`;
      this.entries.delete(id);
      this.entries.set(id, candidate);
    }
    // Oldest first out; by then the read models have long caught up.
    while (this.entries.size > CAPACITY) this.entries.delete(this.entries.keys().next().value as string);
  }

  clear(): void {
    this.entries.clear();
  }

  /** A conversation's participants changed: every entry pointing at it must say so. */
  updateParticipants(conversationId: string, participants: string[]): void {
    for (const candidate of this.entries.values()) if (candidate.conversationId === conversationId) candidate.participants = participants;
  }
}
