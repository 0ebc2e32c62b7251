import { Inject, Injectable } from '@nestjs/common';
import { READ_MODEL_DB } from '../../../shared/event-store/event-store.module';
import { prepared, type SqliteDatabase } from '../../../shared/sqlite/open-sqlite';
import { CONVERSATION_BITS, DOCUMENT_BITS, LONGEST_INDEXED_PREFIX } from './conversation-search.projection';
import { summary, type ConversationRow, type ConversationSummary } from './conversations.queries';

export interface InboxFilters {
  status?: string;
  channel?: string;
  /** A user id, or null for unassigned conversations. */
  assignee?: string | null;
  q?: string;
  cursor?: string;
  limit: number;
}

export interface InboxItem extends ConversationSummary {
  unread: boolean;
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

  list(accountId: string, userId: string, filters: InboxFilters): InboxPage {
    const terms = searchTerms(filters.q ?? '');
    const rows = terms.length > 0 ? this.searchOrNothing(accountId, ftsQuery(terms), filters) : this.recent(accountId, filters);
    const page = rows.slice(0, filters.limit);
    const last = page[page.length - 1];
    return {
      items: this.withUnread(userId, page.map(summary)),
      nextCursor: rows.length > filters.limit && last ? Buffer.from(`${last.last_message_at}|${last.id}`).toString('base64url') : null,
      counts: this.counts(accountId, filters),
    };
  }

  /** When the conversation last had inbound activity (null: none yet). */
  lastInboundAt(conversationId: string): string | null {
    return (prepared(this.db, 'SELECT last_inbound_at FROM conversation_inbound WHERE conversation_id = ?').pluck().get(conversationId) as string | undefined) ?? null;
  }

  private recent(accountId: string, filters: InboxFilters): ConversationRow[] {
    const { where, params } = conditions(accountId, filters);
    return prepared(this.db, `SELECT c.* FROM conversations c WHERE ${where} ORDER BY c.last_message_at DESC, c.id DESC LIMIT ?`).all(
      ...params,
      filters.limit + 1,
    ) as ConversationRow[];
  }

  private searchOrNothing(accountId: string, match: string, filters: InboxFilters): ConversationRow[] {
    try {
      return this.search(accountId, match, filters);
    } catch (error) {
      // Should SQLite's tokenizer split a character our pattern keeps (its Unicode tables are older), the
      // term becomes a phrase, which detail=none cannot answer: nothing matches rather than a 500.
      if (error instanceof Error && error.message.startsWith('fts5:')) return [];
      throw error;
    }
  }

  private search(accountId: string, match: string, filters: InboxFilters): ConversationRow[] {
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
    if (hits.length === 0) return [];
    const { where, params } = conditions(accountId, filters);
    if (hits.length <= COLLECT_LIMIT) {
      const keys = `[${hits.map((hit) => (hit << DOCUMENT_BITS).toString()).join(',')}]`;
      // CROSS JOIN: start from the few matching keys, never from the whole inbox.
      return prepared(
        this.db,
        `SELECT c.* FROM search_conversations k CROSS JOIN conversations c ON c.id = k.conversation_id
         WHERE k.key IN (SELECT value FROM json_each(?)) AND ${where} ORDER BY c.last_message_at DESC, c.id DESC LIMIT ?`,
      ).all(keys, ...params, filters.limit + 1) as ConversationRow[];
    }
    return prepared(
      this.db,
      `SELECT c.* FROM conversations c CROSS JOIN search_conversations k ON k.conversation_id = c.id
       WHERE ${where} AND EXISTS (
         SELECT 1 FROM search_documents WHERE search_documents MATCH ? AND search_documents.rowid BETWEEN k.key AND k.key + ${(1n << DOCUMENT_BITS) - 1n}
       )
       ORDER BY c.last_message_at DESC, c.id DESC LIMIT ?`,
    ).all(...params, match, filters.limit + 1) as ConversationRow[];
  }

  private counts(accountId: string, filters: InboxFilters): InboxPage['counts'] {
    const where = ['account_id = ?'];
    const params: unknown[] = [accountId];
    if (filters.channel) {
      where.push('channel = ?');
      params.push(filters.channel);
    }
    if (filters.assignee !== undefined) {
      where.push('assignee = ?');
      params.push(filters.assignee ?? '');
    }
    const rows = prepared(this.db, `SELECT status, sum(n) AS n FROM conversation_counts WHERE ${where.join(' AND ')} GROUP BY status`).all(...params) as Array<{
      status: string;
      n: number;
    }>;
    const count = (status: string) => rows.find((row) => row.status === status)?.n ?? 0;
    return { open: count('open'), closed: count('closed'), snoozed: count('snoozed') };
  }

  private withUnread(userId: string, items: ConversationSummary[]): InboxItem[] {
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
function conditions(accountId: string, filters: InboxFilters): { where: string; params: unknown[] } {
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
  if (filters.cursor) {
    const [at = '', id = ''] = Buffer.from(filters.cursor, 'base64url').toString('utf8').split('|');
    where.push('(c.last_message_at < ? OR (c.last_message_at = ? AND c.id < ?))');
    params.push(at, at, id);
  }
  return { where: where.join(' AND '), params };
}
