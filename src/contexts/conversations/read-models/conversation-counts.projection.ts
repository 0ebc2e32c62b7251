import type { RecordedEvent } from '../../../shared/event-store/event-store.port';
import type { Projection } from '../../../shared/projections/projection';
import { prepared, type SqliteDatabase } from '../../../shared/sqlite/open-sqlite';
import type { ConversationEvent } from '../domain/conversation.decider';

interface Facets {
  account_id: string;
  channel: string;
  status: string;
  assignee: string;
}

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
    switch (event.type) {
      case 'ConversationStarted': {
        const d = event.data;
        // '' stands for "nobody": a key column cannot hold NULL usefully.
        const facets: Facets = { account_id: d.accountId, channel: d.channel, status: 'open', assignee: '' };
        if (prepared(db, 'INSERT OR IGNORE INTO count_facets VALUES (?, ?, ?, ?, ?)').run(d.conversationId, facets.account_id, facets.channel, facets.status, facets.assignee).changes > 0) {
          this.count(db, facets, 1);
        }
        return;
      }
      case 'ConversationClosed':
      case 'ConversationReopened':
        return this.change(db, event.data.conversationId, { status: event.type === 'ConversationClosed' ? 'closed' : 'open' });
      // A snoozed conversation counts on the Snoozed tab, not on Open.
      case 'ConversationSnoozed':
        return this.change(db, event.data.conversationId, { status: 'snoozed' });
      case 'ConversationWoke':
        return this.change(db, event.data.conversationId, { status: 'open' });
      case 'ConversationAssigned':
        return this.change(db, event.data.conversationId, { assignee: event.data.assigneeId ?? '' });
      default:
        return;
    }
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
