import { bulkSummary, type BulkSummaryWords } from '../web/lib/bulk-summary';
import de from '../web/messages/de/inbox.json';
import en from '../web/messages/en/inbox.json';
import { formatMessage } from './support/format-message';

/** The `inbox.bulk.summary` messages of a language, formatted as the web app's translator does. */
const wordsOf =
  (messages: typeof en, language: string): BulkSummaryWords =>
  (key, values) =>
    formatMessage(messages.bulk.summary[key], language, values);

describe('the summary after a bulk action', () => {
  const words = wordsOf(en, 'en');

  it('counts what was done, then what was left and refused, by the reason the API gave', () => {
    expect(
      bulkSummary(
        'close',
        [
          { id: 'a', outcome: 'done' },
          { id: 'b', outcome: 'done' },
          { id: 'c', outcome: 'done' },
          { id: 'd', outcome: 'unchanged', reason: 'already closed' },
          { id: 'e', outcome: 'refused', reason: 'not found' },
          { id: 'f', outcome: 'refused', reason: 'not found' },
        ],
        words,
      ),
    ).toBe('3 closed, 1 unchanged: already closed, 2 refused: not found');
  });

  it('leaves out a zero when something else happened, and names unassigning as such', () => {
    expect(bulkSummary('reopen', [{ id: 'a', outcome: 'unchanged', reason: 'already open' }], words)).toBe('1 unchanged: already open');
    expect(bulkSummary('unassign', [{ id: 'a', outcome: 'done' }], words)).toBe('1 unassigned');
    expect(bulkSummary('snooze', [{ id: 'a', outcome: 'done' }, { id: 'b', outcome: 'refused', reason: 'closed' }], words)).toBe('1 snoozed, 1 refused: closed');
    expect(bulkSummary('tag', [{ id: 'a', outcome: 'unchanged', reason: 'already tagged so' }], words)).toBe('1 unchanged: already tagged so');
    expect(bulkSummary('assign', [{ id: 'a', outcome: 'done' }], words)).toBe('1 assigned');
  });

  it('speaks German to a German reader', () => {
    expect(bulkSummary('close', [{ id: 'a', outcome: 'done' }, { id: 'b', outcome: 'done' }, { id: 'c', outcome: 'refused' }], wordsOf(de, 'de'))).toBe(
      '2 geschlossen, 1 abgelehnt',
    );
    expect(bulkSummary('wake', [{ id: 'a', outcome: 'done' }], wordsOf(de, 'de'))).toBe('1 zurückgeholt');
  });
});
