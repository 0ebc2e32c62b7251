import type { RecordedEvent } from '../../../shared/event-store/event-store.port';
import type { Projection } from '../../../shared/projections/projection';
import { prepared, type SqliteDatabase } from '../../../shared/sqlite/open-sqlite';
import type { ConversationEvent } from '../domain/conversation.decider';
import type { TagCatalogueEvent } from '../domain/tag-catalogue.decider';
import { tagKey } from '../domain/tag-name';
import { facetChange, startingFacets, type Facets } from './conversation-facets';

/**
 * The account's tags and which conversations carry them. Names live once, in `tags`: a rename is one
 * row, and every list and thread shows it at once. Per tag, counters by (channel, assignee, status)
 * give the inbox's tab counts with a tag filter, and the tags page its numbers, in a handful of rows.
 * Like the counts projection it keeps each conversation's facets itself.
 */
export class TagsProjection implements Projection {
  readonly name = 'tags';
  readonly version = 1;

  setUp(db: SqliteDatabase): void {
    db.exec(`
      CREATE TABLE IF NOT EXISTS tags (id TEXT PRIMARY KEY, account_id TEXT NOT NULL, name TEXT NOT NULL, key TEXT NOT NULL) STRICT;
      CREATE INDEX IF NOT EXISTS tags_by_key ON tags (account_id, key);
      CREATE TABLE IF NOT EXISTS conversation_tags (
        conversation_id TEXT NOT NULL, tag_id TEXT NOT NULL, PRIMARY KEY (conversation_id, tag_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX IF NOT EXISTS conversation_tags_by_tag ON conversation_tags (tag_id, conversation_id);
      CREATE TABLE IF NOT EXISTS tag_facets (
        conversation_id TEXT PRIMARY KEY, account_id TEXT NOT NULL, channel TEXT NOT NULL, status TEXT NOT NULL, assignee TEXT NOT NULL
      ) STRICT;
      CREATE TABLE IF NOT EXISTS tag_counts (
        tag_id TEXT NOT NULL, channel TEXT NOT NULL, assignee TEXT NOT NULL, status TEXT NOT NULL, n INTEGER NOT NULL,
        PRIMARY KEY (tag_id, channel, assignee, status)
      ) STRICT;
    `);
  }

  tearDown(db: SqliteDatabase): void {
    db.exec('DROP TABLE IF EXISTS tags; DROP TABLE IF EXISTS conversation_tags; DROP TABLE IF EXISTS tag_facets; DROP TABLE IF EXISTS tag_counts;');
  }

  apply(recorded: RecordedEvent, db: SqliteDatabase): void {
    const event = { type: recorded.type, data: recorded.data } as ConversationEvent | TagCatalogueEvent;
    switch (event.type) {
      case 'TagCreated':
        prepared(db, 'INSERT OR IGNORE INTO tags VALUES (?, ?, ?, ?)').run(event.data.tagId, event.data.accountId, event.data.name, tagKey(event.data.name));
        return;
      case 'TagRenamed':
        prepared(db, 'UPDATE tags SET name = ?, key = ? WHERE id = ?').run(event.data.name, tagKey(event.data.name), event.data.tagId);
        return;
      case 'TagDeleted':
        // One event takes the tag off every conversation: its rows go, however many there are.
        prepared(db, 'DELETE FROM tags WHERE id = ?').run(event.data.tagId);
        prepared(db, 'DELETE FROM conversation_tags WHERE tag_id = ?').run(event.data.tagId);
        prepared(db, 'DELETE FROM tag_counts WHERE tag_id = ?').run(event.data.tagId);
        return;
      case 'ConversationStarted': {
        const facets = startingFacets(event);
        prepared(db, 'INSERT OR IGNORE INTO tag_facets VALUES (?, ?, ?, ?, ?)').run(event.data.conversationId, facets.account_id, facets.channel, facets.status, facets.assignee);
        return;
      }
      case 'ConversationTagsChanged': {
        const { conversationId, added, removed } = event.data;
        const facets = this.facets(db, conversationId);
        if (!facets) return;
        for (const tagId of removed) {
          if (prepared(db, 'DELETE FROM conversation_tags WHERE conversation_id = ? AND tag_id = ?').run(conversationId, tagId).changes > 0) this.count(db, tagId, facets, -1);
        }
        for (const tagId of added) {
          // A tag deleted meanwhile stays deleted.
          if (!prepared(db, 'SELECT 1 FROM tags WHERE id = ?').get(tagId)) continue;
          if (prepared(db, 'INSERT OR IGNORE INTO conversation_tags VALUES (?, ?)').run(conversationId, tagId).changes > 0) this.count(db, tagId, facets, 1);
        }
        return;
      }
      default: {
        // A conversation's tab and assignee, as the tab counts keep them.
        const changed = facetChange(event);
        if (changed) this.change(db, changed.conversationId, changed.change);
        return;
      }
    }
  }

  private facets(db: SqliteDatabase, conversationId: string): Facets | undefined {
    return prepared(db, 'SELECT account_id, channel, status, assignee FROM tag_facets WHERE conversation_id = ?').get(conversationId) as Facets | undefined;
  }

  private change(db: SqliteDatabase, conversationId: string, change: Partial<Facets>): void {
    const before = this.facets(db, conversationId);
    if (!before) return;
    const after = { ...before, ...change };
    if (after.status === before.status && after.assignee === before.assignee) return;
    prepared(db, 'UPDATE tag_facets SET status = ?, assignee = ? WHERE conversation_id = ?').run(after.status, after.assignee, conversationId);
    for (const tagId of prepared(db, 'SELECT tag_id FROM conversation_tags WHERE conversation_id = ?').pluck().all(conversationId) as string[]) {
      this.count(db, tagId, before, -1);
      this.count(db, tagId, after, 1);
    }
  }

  private count(db: SqliteDatabase, tagId: string, f: Facets, delta: number): void {
    prepared(db, 'INSERT INTO tag_counts VALUES (?, ?, ?, ?, ?) ON CONFLICT DO UPDATE SET n = n + excluded.n').run(tagId, f.channel, f.assignee, f.status, delta);
  }
}
