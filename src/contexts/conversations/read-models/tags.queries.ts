import { Inject, Injectable } from '@nestjs/common';
import { READ_MODEL_DB } from '../../../shared/event-store/event-store.module';
import { prepared, type SqliteDatabase } from '../../../shared/sqlite/open-sqlite';
import { tagKey, tagWords, tidyTagName } from '../domain/tag-name';

export interface TagListItem {
  id: string;
  name: string;
  /** Open conversations carrying the tag. */
  openConversations: number;
  /** Every conversation carrying it, open or closed. */
  conversations: number;
}

/** The id of the account's tag with this name (case aside), or null. */
export function tagIdNamed(db: SqliteDatabase, accountId: string, name: string): string | null {
  return (prepared(db, 'SELECT id FROM tags WHERE account_id = ? AND key = ?').pluck().get(accountId, tagKey(tidyTagName(name))) as string | undefined) ?? null;
}

/** How many conversations carry the tag (all statuses). */
export function taggedCount(db: SqliteDatabase, tagId: string): number {
  return (prepared(db, 'SELECT coalesce(sum(n), 0) FROM tag_counts WHERE tag_id = ?').pluck().get(tagId) as number) ?? 0;
}

/** The account's tags whose names hold every search term as the start of a word (as the full-text search matches). */
export function tagsMatching(db: SqliteDatabase, accountId: string, terms: string[]): string[] {
  if (terms.length === 0) return [];
  const rows = prepared(db, 'SELECT id, name FROM tags WHERE account_id = ?').all(accountId) as Array<{ id: string; name: string }>;
  const folded = terms.map((term) => tagWords(term).join(''));
  return rows.filter((row) => {
    const words = tagWords(row.name);
    return folded.every((term) => words.some((word) => word.startsWith(term)));
  }).map((row) => row.id);
}

/** Each conversation's tag names, by name. */
export function tagsOfConversations(db: SqliteDatabase, conversationIds: string[]): Map<string, string[]> {
  const byConversation = new Map<string, string[]>(conversationIds.map((id) => [id, []]));
  if (conversationIds.length === 0) return byConversation;
  const rows = prepared(
    db,
    `SELECT ct.conversation_id, t.name FROM conversation_tags ct JOIN tags t ON t.id = ct.tag_id
     WHERE ct.conversation_id IN (SELECT value FROM json_each(?)) ORDER BY t.key`,
  ).all(JSON.stringify(conversationIds)) as Array<{ conversation_id: string; name: string }>;
  for (const row of rows) byConversation.get(row.conversation_id)?.push(row.name);
  return byConversation;
}

@Injectable()
export class TagsQueries {
  constructor(@Inject(READ_MODEL_DB) private readonly db: SqliteDatabase) {}

  /** The account's tags by name, each with its numbers. */
  list(accountId: string): TagListItem[] {
    return prepared(
      this.db,
      `SELECT t.id, t.name,
         coalesce((SELECT sum(n) FROM tag_counts WHERE tag_id = t.id AND status = 'open'), 0) AS openConversations,
         coalesce((SELECT sum(n) FROM tag_counts WHERE tag_id = t.id), 0) AS conversations
       FROM tags t WHERE t.account_id = ? ORDER BY t.key`,
    ).all(accountId) as TagListItem[];
  }

  tag(accountId: string, tagId: string): TagListItem | null {
    return this.list(accountId).find((tag) => tag.id === tagId) ?? null;
  }

  of(conversationId: string): string[] {
    return tagsOfConversations(this.db, [conversationId]).get(conversationId) ?? [];
  }
}
