import { Inject, Injectable } from '@nestjs/common';
import { READ_MODEL_DB } from '../../../shared/event-store/event-store.module';
import { prepared, type SqliteDatabase } from '../../../shared/sqlite/open-sqlite';
import { CONVERSATION_BITS, DOCUMENT_BITS, LONGEST_INDEXED_PREFIX } from './conversation-search.projection';
import { summary, type ConversationRow, type ConversationSummary } from './conversations.queries';
import { taggedCount, tagIdNamed, tagsMatching, tagsOfConversations } from './tags.queries';

export interface InboxFilters {
  status?: string;
  channel?: string;
  /** A user id, or null for unassigned conversations. */
  assignee?: string | null;
  q?: string;
  /** A tag's name: only conversations carrying it. */
  tag?: string;
  cursor?: string;
  limit: number;
}

/** The filters with the tag's name resolved to its id. */
type ResolvedFilters = InboxFilters & { tagId?: string };

export interface InboxItem extends ConversationSummary {
  unread: boolean;
  /** The conversation's tags, by name. */
  tags: string[];
}

export interface InboxPage {
  items: InboxItem[];
  nextCursor: string | null;
  /** Per status, with every filter but the status (and the search) applied: the numbers on the tabs. */
  counts: { open: number; closed: number; snoozed: number };
}

/**
 * Below this many matching conversations a search collects them all and sorts them by activity;
 * above it, matches are common enough that walking the inbox in activity order and testing each
 * conversation finds a page sooner (each test is one FTS5 seek within the conversation's rowids, a
 * seek per index segment). Measured by bench:inbox: collecting costs ~5 us per match, a test ~150 us
 * at a million messages, so the two plans cost the same near 6,000 matches in 100,000 conversations.
 */
export const COLLECT_LIMIT = 6000;
const MAX_TERMS = 8;

/** The user's words as FTS5 terms: each quoted (no operator or syntax error can slip in) and a prefix. */
export function searchTerms(q: string): string[] {
  // The same runs of characters unicode61 keeps as tokens (letters, digits, private use): a term never splits into a phrase.
  const words = q.normalize('NFC').match(/[\p{L}\p{N}\p{Co}]+/gu) ?? [];
  return [...new Set(words.map((w) => w.toLowerCase()))].slice(0, MAX_TERMS);
}

export const ftsQuery = (terms: string[]) => terms.map((term) => `"${[...term].slice(0, LONGEST_INDEXED_PREFIX).join('')}"*`).join(' AND ');

/** The inbox list: filters, full-text search, tab counts and the caller's unread markers. */
@Injectable()
export class InboxQueries {
  constructor(@Inject(READ_MODEL_DB) private readonly db: SqliteDatabase) {}

  list(accountId: string, userId: string, inboxFilters: InboxFilters): InboxPage {
    const tagId = inboxFilters.tag ? tagIdNamed(this.db, accountId, inboxFilters.tag) : undefined;
    // No tag of that name: nothing carries it.
    if (tagId === null) return { items: [], nextCursor: null, counts: { open: 0, closed: 0, snoozed: 0 } };
    const filters: ResolvedFilters = { ...inboxFilters, tagId };
    const terms = searchTerms(filters.q ?? '');
    const rows = terms.length > 0 ? this.searchOrNothing(accountId, terms, filters) : this.recent(accountId, filters);
    const page = rows.slice(0, filters.limit);
    const last = page[page.length - 1];
    const tags = tagsOfConversations(this.db, page.map((row) => row.id));
    return {
      items: this.withUnread(userId, page.map(summary)).map((item) => ({ ...item, tags: tags.get(item.id) ?? [] })),
      nextCursor: rows.length > filters.limit && last ? Buffer.from(`${last.last_message_at}|${last.id}`).toString('base64url') : null,
      counts: this.counts(accountId, filters),
    };
  }

  /** When the conversation last had inbound activity (null: none yet). */
  lastInboundAt(conversationId: string): string | null {
    return (prepared(this.db, 'SELECT last_inbound_at FROM conversation_inbound WHERE conversation_id = ?').pluck().get(conversationId) as string | undefined) ?? null;
  }

  private recent(accountId: string, filters: ResolvedFilters): ConversationRow[] {
    const { where, params } = conditions(accountId, filters);
    if (filters.tagId && this.fewTagged(accountId, filters.tagId, filters.limit)) {
      // A tag few conversations carry: start from them (CROSS JOIN keeps that order) rather than walk the inbox.
      return prepared(
        this.db,
        `SELECT c.* FROM conversation_tags t CROSS JOIN conversations c ON c.id = t.conversation_id
         WHERE t.tag_id = ? AND ${where} ORDER BY c.last_message_at DESC, c.id DESC LIMIT ?`,
      ).all(filters.tagId, ...params, filters.limit + 1) as ConversationRow[];
    }
    return prepared(this.db, `SELECT c.* FROM conversations c WHERE ${where} ORDER BY c.last_message_at DESC, c.id DESC LIMIT ?`).all(
      ...params,
      filters.limit + 1,
    ) as ConversationRow[];
  }

  /**
   * Whether collecting a tag's conversations (a row each, then a sort) beats walking the inbox in
   * activity order until a page of them turns up (about limit × total / tagged index seeks, each
   * cheaper than a collected row): the two meet near √(limit × total), a few thousand at 100,000.
   */
  private fewTagged(accountId: string, tagId: string, limit: number): boolean {
    const total = prepared(this.db, 'SELECT coalesce(sum(n), 0) FROM conversation_counts WHERE account_id = ?').pluck().get(accountId) as number;
    return taggedCount(this.db, tagId) <= 2 * Math.sqrt(total * (limit + 1));
  }

  private searchOrNothing(accountId: string, terms: string[], filters: ResolvedFilters): ConversationRow[] {
    try {
      return this.search(accountId, terms, filters);
    } catch (error) {
      // Should SQLite's tokenizer split a character our pattern keeps (its Unicode tables are older), the
      // term becomes a phrase, which detail=none cannot answer: nothing matches rather than a 500.
      if (error instanceof Error && error.message.startsWith('fts5:')) return [];
      throw error;
    }
  }

  /**
   * Conversations whose text holds every term, or that carry a tag whose name does: tag names are
   * matched in the catalogue at query time, so a renamed tag is found by its new name at once.
   */
  private search(accountId: string, terms: string[], filters: ResolvedFilters): ConversationRow[] {
    const match = ftsQuery(terms);
    const tagged = tagsMatching(this.db, accountId, terms);
    const taggedTotal = tagged.reduce((sum, tagId) => sum + taggedCount(this.db, tagId), 0);
    const account = prepared(this.db, 'SELECT seq FROM search_accounts WHERE account_id = ?').safeIntegers().pluck().get(accountId) as bigint | undefined;
    if (account === undefined) return [];
    const shift = CONVERSATION_BITS + DOCUMENT_BITS;
    const hits = prepared(
      this.db,
      `SELECT DISTINCT rowid >> ${DOCUMENT_BITS} FROM search_documents WHERE search_documents MATCH ? AND rowid BETWEEN ? AND ? LIMIT ?`,
    )
      .safeIntegers()
      .pluck()
      .all(match, account << shift, ((account + 1n) << shift) - 1n, COLLECT_LIMIT + 1) as bigint[];
    if (hits.length === 0 && tagged.length === 0) return [];
    const { where, params } = conditions(accountId, filters);
    if (hits.length <= COLLECT_LIMIT && taggedTotal <= COLLECT_LIMIT) {
      const keys = `[${hits.map((hit) => (hit << DOCUMENT_BITS).toString()).join(',')}]`;
      if (tagged.length > 0) {
        return prepared(
          this.db,
          `SELECT c.* FROM (
             SELECT k.conversation_id AS id FROM search_conversations k WHERE k.key IN (SELECT value FROM json_each(?))
             UNION SELECT ct.conversation_id FROM conversation_tags ct WHERE ct.tag_id IN (SELECT value FROM json_each(?))
           ) m CROSS JOIN conversations c ON c.id = m.id
           WHERE ${where} ORDER BY c.last_message_at DESC, c.id DESC LIMIT ?`,
        ).all(keys, JSON.stringify(tagged), ...params, filters.limit + 1) as ConversationRow[];
      }
      // CROSS JOIN: start from the few matching keys, never from the whole inbox.
      return prepared(
        this.db,
        `SELECT c.* FROM search_conversations k CROSS JOIN conversations c ON c.id = k.conversation_id
         WHERE k.key IN (SELECT value FROM json_each(?)) AND ${where} ORDER BY c.last_message_at DESC, c.id DESC LIMIT ?`,
      ).all(keys, ...params, filters.limit + 1) as ConversationRow[];
    }
    const orTagged = tagged.length > 0 ? 'OR EXISTS (SELECT 1 FROM conversation_tags ct WHERE ct.conversation_id = c.id AND ct.tag_id IN (SELECT value FROM json_each(?)))' : '';
    return prepared(
      this.db,
      `SELECT c.* FROM conversations c CROSS JOIN search_conversations k ON k.conversation_id = c.id
       WHERE ${where} AND (EXISTS (
         SELECT 1 FROM search_documents WHERE search_documents MATCH ? AND search_documents.rowid BETWEEN k.key AND k.key + ${(1n << DOCUMENT_BITS) - 1n}
       ) ${orTagged})
       ORDER BY c.last_message_at DESC, c.id DESC LIMIT ?`,
    ).all(...params, match, ...(tagged.length > 0 ? [JSON.stringify(tagged)] : []), filters.limit + 1) as ConversationRow[];
  }

  private counts(accountId: string, filters: ResolvedFilters): InboxPage['counts'] {
    // With a tag filter, the tag's own counters (kept by the same facets) answer.
    const table = filters.tagId ? 'tag_counts' : 'conversation_counts';
    const where = [filters.tagId ? 'tag_id = ?' : 'account_id = ?'];
    const params: unknown[] = [filters.tagId ?? accountId];
    if (filters.channel) {
      where.push('channel = ?');
      params.push(filters.channel);
    }
    if (filters.assignee !== undefined) {
      where.push('assignee = ?');
      params.push(filters.assignee ?? '');
    }
    const rows = prepared(this.db, `SELECT status, sum(n) AS n FROM ${table} WHERE ${where.join(' AND ')} GROUP BY status`).all(...params) as Array<{
      status: string;
      n: number;
    }>;
    const count = (status: string) => rows.find((row) => row.status === status)?.n ?? 0;
    return { open: count('open'), closed: count('closed'), snoozed: count('snoozed') };
  }

  private withUnread(userId: string, items: ConversationSummary[]): Array<Omit<InboxItem, 'tags'>> {
    if (items.length === 0) return [];
    const unread = new Set(
      prepared(
        this.db,
        `SELECT i.conversation_id FROM conversation_inbound i
         LEFT JOIN conversation_seen s ON s.conversation_id = i.conversation_id AND s.user_id = ?
         WHERE i.conversation_id IN (SELECT value FROM json_each(?)) AND (s.seen_at IS NULL OR s.seen_at < i.last_inbound_at)`,
      )
        .pluck()
        .all(userId, JSON.stringify(items.map((item) => item.id))) as string[],
    );
    return items.map((item) => ({ ...item, unread: unread.has(item.id) }));
  }
}

/** The list's filters and cursor as SQL on `conversations c`. */
function conditions(accountId: string, filters: ResolvedFilters): { where: string; params: unknown[] } {
  const where = ['c.account_id = ?'];
  const params: unknown[] = [accountId];
  if (filters.status) {
    where.push('c.status = ?');
    params.push(filters.status);
  }
  if (filters.channel) {
    where.push('c.channel = ?');
    params.push(filters.channel);
  }
  if (filters.assignee === null) where.push('c.assignee_id IS NULL');
  else if (filters.assignee) {
    where.push('c.assignee_id = ?');
    params.push(filters.assignee);
  }
  if (filters.tagId) {
    where.push('EXISTS (SELECT 1 FROM conversation_tags ct WHERE ct.conversation_id = c.id AND ct.tag_id = ?)');
    params.push(filters.tagId);
  }
  if (filters.cursor) {
    const [at = '', id = ''] = Buffer.from(filters.cursor, 'base64url').toString('utf8').split('|');
    where.push('(c.last_message_at < ? OR (c.last_message_at = ? AND c.id < ?))');
    params.push(at, at, id);
  }
  return { where: where.join(' AND '), params };
}
