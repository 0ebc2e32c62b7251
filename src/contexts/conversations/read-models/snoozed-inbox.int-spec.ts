import type { RecordedEvent } from '../../../shared/event-store/event-store.port';
import { openSqlite, type SqliteDatabase } from '../../../shared/sqlite/open-sqlite';
import { replyTokenFor } from '../../../shared/domain/reply-address';
import type { ConversationEvent, InboundMessage } from '../domain/conversation.decider';
import { ConversationCountsProjection } from './conversation-counts.projection';
import { ConversationReadsProjection } from './conversation-reads.projection';
import { ConversationSearchProjection } from './conversation-search.projection';
import { ConversationsProjection } from './conversations.projection';
import { TagsProjection } from './tags.projection';
import { ConversationsQueries } from './conversations.queries';
import { InboxQueries } from './inbox.queries';

// Snoozed conversations in the read models, on a real SQLite database fed through the projections:
// the tabs, their counts, the wake-up schedule, and the indexes those queries use.

const projections = [new ConversationsProjection(), new ConversationSearchProjection(), new ConversationCountsProjection(), new ConversationReadsProjection(), new TagsProjection()];
let db: SqliteDatabase;
let inbox: InboxQueries;
let queries: ConversationsQueries;
let position = 0n;

function feed(...events: ConversationEvent[]): void {
  db.transaction(() => {
    for (const event of events) {
      position += 1n;
      const recorded = { ...event, streamId: `conversation-${event.data.conversationId}`, revision: 0, position } as unknown as RecordedEvent;
      for (const projection of projections) projection.apply(recorded, db);
    }
  })();
}

const on = (n: number) => ({ conversationId: `c${n}`, accountId: 'acc1' });
function started(n: number): ConversationEvent[] {
  const receivedAt = new Date(Date.UTC(2026, 0, 1) + n * 60_000).toISOString();
  const message = { messageId: `m${n}`, subject: `Question ${n}`, receivedAt, replyText: 'my parcel', from: null, to: [], cc: [], attachments: [], omitted: [] } as unknown as InboundMessage;
  const contact = { id: `k${n}`, email: `person${n}@example.com`, name: `Person ${n}` };
  return [
    { type: 'ConversationStarted', data: { ...on(n), channel: 'email', subject: `Question ${n}`, contact, participants: [], replyToken: replyTokenFor(`c${n}`), linkedTo: null, startedAt: receivedAt } },
    { type: 'MessageReceived', data: { ...on(n), message, newParticipants: [] } },
  ];
}
const snoozed = (n: number, until: string): ConversationEvent => ({ type: 'ConversationSnoozed', data: { ...on(n), until, by: 'u1' } });

beforeAll(() => {
  db = openSqlite(':memory:', { synchronous: 'NORMAL' });
  for (const projection of projections) projection.setUp(db);
  inbox = new InboxQueries(db);
  queries = new ConversationsQueries(db);
  for (let n = 0; n < 6; n++) feed(...started(n));
  feed(snoozed(1, '2026-02-01T08:00:00.000Z'), snoozed(2, '2026-01-20T08:00:00.000Z'), snoozed(3, '2026-03-01T08:00:00.000Z'));
  feed({ type: 'ConversationClosed', data: on(3) }, { type: 'ConversationClosed', data: on(4) });
});
afterAll(() => db.close());

const ids = (page: { items: Array<{ id: string }> }) => page.items.map((item) => item.id);

describe('snoozed conversations in the inbox', () => {
  it('lists them on their own tab, never on Open, and the API still calls them open', () => {
    expect(ids(inbox.list('acc1', 'u1', { status: 'open', limit: 25 }))).toEqual(['c5', 'c0']);
    const tab = inbox.list('acc1', 'u1', { status: 'snoozed', limit: 25 });
    expect(tab.items.map((item) => [item.id, item.status, item.snoozedUntil])).toEqual([
      ['c2', 'open', '2026-01-20T08:00:00.000Z'],
      ['c1', 'open', '2026-02-01T08:00:00.000Z'],
    ]);
    expect(tab.counts).toEqual({ open: 2, snoozed: 2, closed: 2 });
    // Closing ended c3's snooze.
    expect(queries.conversation('acc1', 'c3')).toMatchObject({ status: 'closed', snoozedUntil: null });
    expect(ids(inbox.list('acc1', 'u1', { status: 'snoozed', q: 'parcel', limit: 25 }))).toEqual(['c2', 'c1']);
  });

  it('knows which are due and when the next one is, and a woken one is open again', () => {
    expect(queries.nextSnoozeDue()?.toISOString()).toBe('2026-01-20T08:00:00.000Z');
    expect(queries.dueSnoozes(new Date('2026-01-19T00:00:00.000Z'), 10)).toEqual([]);
    expect(queries.dueSnoozes(new Date('2026-02-01T08:00:00.000Z'), 10)).toEqual([
      { conversationId: 'c2', accountId: 'acc1' },
      { conversationId: 'c1', accountId: 'acc1' },
    ]);
    feed({ type: 'ConversationWoke', data: { ...on(2), because: 'time' } });
    expect(queries.nextSnoozeDue()?.toISOString()).toBe('2026-02-01T08:00:00.000Z');
    expect(inbox.list('acc1', 'u1', { status: 'open', limit: 25 }).counts).toEqual({ open: 3, snoozed: 1, closed: 2 });
    expect(ids(inbox.list('acc1', 'u1', { status: 'open', limit: 25 }))).toEqual(['c5', 'c2', 'c0']);
  });

  it('reads each tab and the wake-up schedule through an index, never a scan of every conversation', () => {
    const plan = (sql: string, ...params: unknown[]) => (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as Array<{ detail: string }>).map((row) => row.detail).join('\n');
    expect(plan(`SELECT * FROM conversations c WHERE c.account_id = ? AND c.status = ? ORDER BY c.last_message_at DESC, c.id DESC LIMIT 26`, 'acc1', 'snoozed')).toMatch(
      /USING INDEX conversations_by_status/,
    );
    const due = plan('SELECT id FROM conversations WHERE snoozed_until IS NOT NULL AND snoozed_until <= ? ORDER BY snoozed_until LIMIT 32', '2026-02-01');
    expect(due).toMatch(/USING INDEX snoozes_due/);
    expect(due).not.toMatch(/TEMP B-TREE/);
    expect(plan('SELECT min(snoozed_until) FROM conversations WHERE snoozed_until IS NOT NULL')).toMatch(/snoozes_due/);
  });
});
