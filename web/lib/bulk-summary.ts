import type { BulkAction, BulkOutcome } from './api';

/** What was done, as the `inbox.bulk.summary.done` message words it: the action, or unassigning and waking, which its usual word does not fit. */
export type BulkDone = BulkAction | 'unassign' | 'wake';

/** The `inbox.bulk.summary` messages, as a translator scoped to that namespace gives them. */
export type BulkSummaryWords = (
  key: 'done' | 'unchanged' | 'unchangedBecause' | 'refused' | 'refusedBecause',
  values: { count: number; done?: string; reason?: string },
) => string;

/**
 * What a bulk action did, in one line: "3 closed, 1 unchanged: already closed, 1 refused: not found".
 * The words are the catalogue's, in the user's language; the reasons are the API's own.
 */
export function bulkSummary(done: BulkDone, results: readonly BulkOutcome[], words: BulkSummaryWords): string {
  const parts: string[] = [];
  const doneCount = results.filter((result) => result.outcome === 'done').length;
  if (doneCount > 0 || results.length === 0) parts.push(words('done', { count: doneCount, done }));
  for (const outcome of ['unchanged', 'refused'] as const) {
    const byReason = new Map<string, number>();
    for (const result of results.filter((r) => r.outcome === outcome)) byReason.set(result.reason ?? '', (byReason.get(result.reason ?? '') ?? 0) + 1);
    for (const [reason, count] of byReason) parts.push(reason ? words(`${outcome}Because`, { count, reason }) : words(outcome, { count }));
  }
  return parts.join(', ');
}
