import type { RecordedEvent } from '../../../shared/event-store/event-store.port';
import type { Projection } from '../../../shared/projections/projection';
import { prepared, type SqliteDatabase } from '../../../shared/sqlite/open-sqlite';
import type { ConversationEvent } from '../domain/conversation.decider';
import { facetChange, startingFacets, type Facets } from './conversation-facets';

/**
 * How many conversations each inbox tab holds, kept as counters per (account, channel, assignee,
 * status) so the answer costs a handful of rows however large the account is. It keeps each
 * conversation's facets itself: another projection's tables may be at another position in the log.
 */
export class ConversationCountsProjection implements Projection {
  readonly name = 'conversation-counts';
  readonly version = 2;

  setUp(db: SqliteDatabase): void {
    db.exec(`
      CREATE TABLE IF NOT EXISTS count_facets (
        conversation_id TEXT PRIMARY KEY, account_id TEXT NOT NULL, channel TEXT NOT NULL, status TEXT NOT NULL, assignee TEXT NOT NULL
      ) STRICT;
      CREATE TABLE IF NOT EXISTS conversation_counts (
        account_id TEXT NOT NULL, channel TEXT NOT NULL, assignee TEXT NOT NULL, status TEXT NOT NULL, n INTEGER NOT NULL,
        PRIMARY KEY (account_id, channel, assignee, status)
      ) STRICT;
    `);
  }

  tearDown(db: SqliteDatabase): void {
    db.exec('DROP TABLE IF EXISTS count_facets; DROP TABLE IF EXISTS conversation_counts;');
  }

  apply(recorded: RecordedEvent, db: SqliteDatabase): void {
    const event = { type: recorded.type, data: recorded.data } as ConversationEvent;
    if (event.type === 'ConversationStarted') {
      const facets = startingFacets(event);
      const inserted = prepared(db, 'INSERT OR IGNORE INTO count_facets VALUES (?, ?, ?, ?, ?)').run(event.data.conversationId, facets.account_id, facets.channel, facets.status, facets.assignee);
      if (inserted.changes > 0) this.count(db, facets, 1);
      return;
    }
    const changed = facetChange(event);
    if (changed) this.change(db, changed.conversationId, changed.change);
  }

  private change(db: SqliteDatabase, conversationId: string, change: Partial<Facets>): void {
    const before = prepared(db, 'SELECT account_id, channel, status, assignee FROM count_facets WHERE conversation_id = ?').get(conversationId) as Facets | undefined;
    if (!before) return;
    const after = { ...before, ...change };
    if (after.status === before.status && after.assignee === before.assignee) return;
    prepared(db, 'UPDATE count_facets SET status = ?, assignee = ? WHERE conversation_id = ?').run(after.status, after.assignee, conversationId);
    this.count(db, before, -1);
    this.count(db, after, 1);
  }

  private count(db: SqliteDatabase, f: Facets, delta: number): void {
    prepared(db, 'INSERT INTO conversation_counts VALUES (?, ?, ?, ?, ?) ON CONFLICT DO UPDATE SET n = n + excluded.n').run(f.account_id, f.channel, f.assignee, f.status, delta);
  }
}
