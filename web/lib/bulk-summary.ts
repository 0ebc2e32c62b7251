import type { BulkAction, BulkOutcome } from './api';

const DONE: Record<BulkAction, string> = { close: 'closed', reopen: 'reopened', assign: 'assigned', snooze: 'snoozed', tag: 'tagged' };

/**
 * What a bulk action did, in one line: "3 closed, 1 unchanged: already closed, 1 refused: not found".
 * The reasons are the API's own words; `done` words what was done when the action's usual word does
 * not fit ("unassigned", "woken").
 */
export function bulkSummary(action: BulkAction, results: readonly BulkOutcome[], done = DONE[action]): string {
  const parts: string[] = [];
  const doneCount = results.filter((result) => result.outcome === 'done').length;
  if (doneCount > 0 || results.length === 0) parts.push(`${doneCount} ${done}`);
  for (const outcome of ['unchanged', 'refused'] as const) {
    const byReason = new Map<string, number>();
    for (const result of results.filter((r) => r.outcome === outcome)) byReason.set(result.reason ?? '', (byReason.get(result.reason ?? '') ?? 0) + 1);
    for (const [reason, count] of byReason) parts.push(reason ? `${count} ${outcome}: ${reason}` : `${count} ${outcome}`);
  }
  return parts.join(', ');
}
