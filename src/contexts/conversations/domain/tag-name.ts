import { InvalidInput } from '../../../shared/domain/domain-error';

export const MAX_TAG_LENGTH = 40;
export const MAX_TAGS_PER_CONVERSATION = 20;

/**
 * A tag's name as agents typed it, tidied: trimmed, inner runs of spaces made one, NFC. Names are
 * compared by `tagKey`, so "Billing" and "billing" are one tag. A comma is refused because it is how
 * people list tags (and how the list's query string would carry them); control characters would
 * break the lines they are shown on.
 */
export function tagName(raw: unknown, field = 'tags'): string {
  if (typeof raw !== 'string') throw new InvalidInput(field, `${field} must be text`, 'TAGS.INVALID_NAME');
  const name = tidyTagName(raw);
  const length = [...name].length;
  if (length < 1 || length > MAX_TAG_LENGTH) {
    throw new InvalidInput(field, `${field}: a tag name must be 1 to ${MAX_TAG_LENGTH} characters`, 'TAGS.INVALID_NAME');
  }
  if (/[,\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u.test(name)) {
    throw new InvalidInput(field, `${field}: a tag name must not contain commas or control characters`, 'TAGS.INVALID_NAME');
  }
  return name;
}

/** The tidying alone, for looking a name up (a filter by a name no tag could have finds nothing). */
export const tidyTagName = (raw: string): string => raw.normalize('NFC').replace(/\s+/gu, ' ').trim();

/** What makes two names the same tag: case does not. */
export const tagKey = (name: string): string => name.normalize('NFC').toLocaleLowerCase('und');

/** A conversation's tags as asked for: each name tidied, repeats (by key) dropped, at most twenty. */
export function tagNames(raw: unknown): string[] {
  if (!Array.isArray(raw)) throw new InvalidInput('tags', 'tags must be a list of tag names', 'TAGS.INVALID_NAME');
  const byKey = new Map<string, string>();
  for (const item of raw) {
    const name = tagName(item);
    if (!byKey.has(tagKey(name))) byKey.set(tagKey(name), name);
  }
  if (byKey.size > MAX_TAGS_PER_CONVERSATION) {
    throw new InvalidInput('tags', `tags: a conversation carries at most ${MAX_TAGS_PER_CONVERSATION} tags`, 'TAGS.TOO_MANY');
  }
  return [...byKey.values()];
}

/** The words of a name as search sees them: lower case, accents dropped (as the full-text index does). */
export function tagWords(name: string): string[] {
  return (name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().match(/[\p{L}\p{N}\p{Co}]+/gu) ?? []);
}
