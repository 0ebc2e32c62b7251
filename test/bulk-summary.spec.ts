import { bulkSummary } from '../web/lib/bulk-summary';

describe('the summary after a bulk action', () => {
  it('counts what was done, then what was left and refused, by the reason the API gave', () => {
    expect(
      bulkSummary('close', [
        { id: 'a', outcome: 'done' },
        { id: 'b', outcome: 'done' },
        { id: 'c', outcome: 'done' },
        { id: 'd', outcome: 'unchanged', reason: 'already closed' },
        { id: 'e', outcome: 'refused', reason: 'not found' },
        { id: 'f', outcome: 'refused', reason: 'not found' },
      ]),
    ).toBe('3 closed, 1 unchanged: already closed, 2 refused: not found');
  });

  it('leaves out a zero when something else happened, and names unassigning as such', () => {
    expect(bulkSummary('reopen', [{ id: 'a', outcome: 'unchanged', reason: 'already open' }])).toBe('1 unchanged: already open');
    expect(bulkSummary('assign', [{ id: 'a', outcome: 'done' }], 'unassigned')).toBe('1 unassigned');
    expect(bulkSummary('snooze', [{ id: 'a', outcome: 'done' }, { id: 'b', outcome: 'refused', reason: 'closed' }])).toBe('1 snoozed, 1 refused: closed');
    expect(bulkSummary('tag', [{ id: 'a', outcome: 'unchanged', reason: 'already tagged so' }])).toBe('1 unchanged: already tagged so');
    expect(bulkSummary('assign', [{ id: 'a', outcome: 'done' }])).toBe('1 assigned');
  });
});
