import type { BulkAction, BulkOutcome } from './api';

const DONE: Record<BulkAction, string> = { close: 'closed', reopen: 'reopened', assign: 'assigned' };

/**
 * What a bulk action did, in one line: "3 closed, 1 unchanged: already closed, 1 refused: not found".
 * The reasons are the API's own words.
 */
export function bulkSummary(action: BulkAction, results: readonly BulkOutcome[], unassign = false): string {
  const parts: string[] = [];
  const done = results.filter((result) => result.outcome === 'done').length;
  if (done > 0 || results.length === 0) parts.push(`${done} ${unassign ? 'unassigned' : DONE[action]}`);
  for (const outcome of ['unchanged', 'refused'] as const) {
    const byReason = new Map<string, number>();
    for (const result of results.filter((r) => r.outcome === outcome)) byReason.set(result.reason ?? '', (byReason.get(result.reason ?? '') ?? 0) + 1);
    for (const [reason, count] of byReason) parts.push(reason ? `${count} ${outcome}: ${reason}` : `${count} ${outcome}`);
  }
  return parts.join(', ');
}
