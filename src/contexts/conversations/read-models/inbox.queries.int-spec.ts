import type { RecordedEvent } from '../../../shared/event-store/event-store.port';
import { openSqlite, type SqliteDatabase } from '../../../shared/sqlite/open-sqlite';
import type { ConversationEvent, InboundMessage } from '../domain/conversation.decider';
import { composeReply } from '../domain/outgoing-reply';
import { replyTokenFor } from '../../../shared/domain/reply-address';
import { ConversationCountsProjection } from './conversation-counts.projection';
import { ConversationReadsProjection } from './conversation-reads.projection';
import { ConversationSearchProjection } from './conversation-search.projection';
import { ConversationsProjection } from './conversations.projection';
import { COLLECT_LIMIT, InboxQueries, ftsQuery, searchTerms } from './inbox.queries';
import { TagsProjection } from './tags.projection';

// The inbox query on a real SQLite file, fed through the real projections: enough conversations that
// a common word takes the "walk the inbox and test each" plan and a rare one the "collect and sort" plan.

const projections = [new ConversationsProjection(), new ConversationSearchProjection(), new ConversationCountsProjection(), new ConversationReadsProjection(), new TagsProjection()];
let db: SqliteDatabase;
let inbox: InboxQueries;
let position = 0n;

function feed(events: ConversationEvent[]): void {
  db.transaction(() => {
    for (const event of events) {
      position += 1n;
      const recorded = { ...event, streamId: `conversation-${(event.data as { conversationId: string }).conversationId}`, revision: 0, position } as unknown as RecordedEvent;
      for (const projection of projections) projection.apply(recorded, db);
    }
  })();
}

function conversation(accountId: string, n: number, words: string): ConversationEvent[] {
  const conversationId = `${accountId}-c${String(n).padStart(5, '0')}`;
  const receivedAt = new Date(Date.UTC(2026, 0, 1) + n * 60_000).toISOString();
  const message = { messageId: `${conversationId}-m`, subject: `Question ${n}`, receivedAt, replyText: words, from: null, to: [], cc: [], attachments: [], omitted: [] } as unknown as InboundMessage;
  const contact = { id: `k${n}`, email: `person${n}@example.com`, name: `Person ${n}` };
  return [
    { type: 'ConversationStarted', data: { conversationId, accountId, channel: 'email', subject: `Question ${n}`, contact, participants: [], replyToken: replyTokenFor(conversationId), linkedTo: null, startedAt: receivedAt } },
    { type: 'MessageReceived', data: { conversationId, accountId, message, newParticipants: [] } },
  ];
}

// An even number past the collect limit, so that "parcel" takes the walk.
const TOTAL = COLLECT_LIMIT + 600;
beforeAll(() => {
  db = openSqlite(':memory:', { synchronous: 'NORMAL' });
  for (const projection of projections) projection.setUp(db);
  inbox = new InboxQueries(db);
  // Every conversation says "parcel"; every 500th also says "umbrella"; the other account says both.
  for (let n = 0; n < TOTAL; n++) feed(conversation('acc1', n, n % 500 === 0 ? 'my parcel and my umbrella' : 'my parcel is late'));
  for (let n = 0; n < 10; n++) feed(conversation('acc2', n, 'parcel umbrella'));
  for (let n = 0; n < TOTAL; n += 2) feed([{ type: 'ConversationClosed', data: { conversationId: `acc1-c${String(n).padStart(5, '0')}`, accountId: 'acc1' } }]);
});
afterAll(() => db.close());

const ids = (page: { items: Array<{ id: string }> }) => page.items.map((item) => item.id);
const id = (n: number) => `acc1-c${String(n).padStart(5, '0')}`;

describe('inbox queries', () => {
  it('pages through a common word newest first, as the plain list does', () => {
    const searched = inbox.list('acc1', 'u1', { q: 'PARC', limit: 25 });
    expect(ids(searched)).toEqual(ids(inbox.list('acc1', 'u1', { limit: 25 })));
    expect(ids(searched)[0]).toBe(id(TOTAL - 1));
    const next = inbox.list('acc1', 'u1', { q: 'parc', limit: 25, cursor: searched.nextCursor ?? undefined });
    expect(ids(next)[0]).toBe(id(TOTAL - 26));
    expect(ids(inbox.list('acc1', 'u1', { q: 'parcel', status: 'closed', limit: 3 }))).toEqual([id(TOTAL - 2), id(TOTAL - 4), id(TOTAL - 6)]);
  });

  it('finds a rare word across the whole account, newest first, and nothing of another account', () => {
    const page = inbox.list('acc1', 'u1', { q: 'umbrella', limit: 25 });
    const umbrellas = Array.from({ length: TOTAL }, (_, n) => n).filter((n) => n % 500 === 0).reverse();
    expect(ids(page)).toEqual(umbrellas.slice(0, 25).map(id));
    expect(page.nextCursor === null).toBe(umbrellas.length <= 25);
    expect(ids(inbox.list('acc1', 'u1', { q: 'umbrella parcel', status: 'open', limit: 2 }))).toEqual([]);
    expect(ids(inbox.list('acc1', 'u1', { q: 'umbrella', status: 'closed', limit: 2 }))).toEqual(umbrellas.slice(0, 2).map(id));
    expect(inbox.list('acc2', 'u1', { q: 'umbrella', limit: 25 }).items).toHaveLength(10);
  });

  it("finds the text of an agent's queued reply", () => {
    expect(inbox.list('acc1', 'u1', { q: 'warehouse', limit: 25 }).items).toEqual([]);
    const reply = composeReply(
      { messageId: 'r1', authorId: 'u1', fromName: 'Anna', subject: 'Re: Question 7', text: 'It left our warehouse today.', html: '<p>It left our warehouse today.</p>' },
      {
        conversationId: id(7),
        accountId: 'acc1',
        contact: { id: 'k7', email: 'person7@example.com', name: 'Person 7' },
        replyToken: replyTokenFor(id(7)),
        internetMessageIds: [],
        lastInboundMessageId: null,
        threadIndex: null,
        startedAt: '2026-01-01T00:07:00.000Z',
        sendingAddress: 'help@acme.inbox.test',
        ownDomain: 'inbox.test',
        // Before the newest conversations' activity, so the order later tests rely on stays.
        now: new Date('2026-01-01T00:08:00.000Z'),
      },
    );
    feed([reply]);
    expect(ids(inbox.list('acc1', 'u1', { q: 'warehouse', limit: 25 }))).toEqual([id(7)]);
  });

  it('counts per status from the counters, whatever the page', () => {
    expect(inbox.list('acc1', 'u1', { status: 'open', limit: 1 }).counts).toEqual({ open: TOTAL / 2, closed: TOTAL / 2, snoozed: 0 });
    expect(inbox.list('acc3', 'u1', { limit: 1 })).toEqual({ items: [], nextCursor: null, counts: { open: 0, closed: 0, snoozed: 0 } });
  });

  it('marks what the user has not opened since the last inbound message', () => {
    const before = inbox.list('acc1', 'u1', { limit: 2 }).items;
    expect(before.map((item) => item.unread)).toEqual([true, true]);
    feed([{ type: 'ConversationSeen', data: { conversationId: id(TOTAL - 1), accountId: 'acc1', userId: 'u1', at: '2030-01-01T00:00:00.000Z' } } as unknown as ConversationEvent]);
    expect(inbox.list('acc1', 'u1', { limit: 2 }).items.map((item) => item.unread)).toEqual([false, true]);
    expect(inbox.list('acc1', 'u2', { limit: 2 }).items.map((item) => item.unread)).toEqual([true, true]);
  });

  describe('with tags', () => {
    // "Everyone" is on every conversation of acc1 (past the collect limit: the walk), "Seldom" on every 300th (collected).
    const seldom = Array.from({ length: TOTAL }, (_, n) => n).filter((n) => n % 300 === 0).reverse();
    beforeAll(() => {
      feed([
        { type: 'TagCreated', data: { accountId: 'acc1', tagId: 't-every', name: 'Everyone' } },
        { type: 'TagCreated', data: { accountId: 'acc1', tagId: 't-seldom', name: 'Seldom seen' } },
      ] as unknown as ConversationEvent[]);
      for (let n = 0; n < TOTAL; n++) {
        feed([{ type: 'ConversationTagsChanged', data: { conversationId: id(n), accountId: 'acc1', added: n % 300 === 0 ? ['t-every', 't-seldom'] : ['t-every'], removed: [] } }]);
      }
    });

    it('lists a common tag by walking the inbox and a rare one by collecting, newest first, with the counts under the tag', () => {
      const every = inbox.list('acc1', 'u1', { tag: 'EVERYONE', limit: 25 });
      expect(ids(every)).toEqual(ids(inbox.list('acc1', 'u1', { limit: 25 })));
      expect(every.counts).toEqual({ open: TOTAL / 2, snoozed: 0, closed: TOTAL / 2 });
      const rare = inbox.list('acc1', 'u1', { tag: 'seldom seen', limit: 5 });
      expect(ids(rare)).toEqual(seldom.slice(0, 5).map(id));
      expect(rare.counts).toEqual({ open: 0, snoozed: 0, closed: seldom.length });
      expect(ids(inbox.list('acc1', 'u1', { tag: 'seldom seen', status: 'open', limit: 5 }))).toEqual([]);
      expect(ids(inbox.list('acc1', 'u1', { tag: 'seldom seen', limit: 5, cursor: rare.nextCursor ?? undefined }))).toEqual(seldom.slice(5, 10).map(id));
      expect(rare.items[0].tags).toEqual(['Everyone', 'Seldom seen']);
      expect(inbox.list('acc2', 'u1', { tag: 'Everyone', limit: 5 })).toEqual({ items: [], nextCursor: null, counts: { open: 0, snoozed: 0, closed: 0 } });
    });

    it('finds conversations by tag name, through either plan, combined with the text search', () => {
      expect(ids(inbox.list('acc1', 'u1', { q: 'seld', limit: 5 }))).toEqual(seldom.slice(0, 5).map(id));
      expect(ids(inbox.list('acc1', 'u1', { q: 'everyone', limit: 25 }))).toEqual(ids(inbox.list('acc1', 'u1', { limit: 25 })));
      const both = Array.from({ length: TOTAL }, (_, n) => n).filter((n) => n % 1500 === 0).reverse();
      expect(ids(inbox.list('acc1', 'u1', { q: 'umbrella', tag: 'seldom seen', limit: 25 }))).toEqual(both.map(id));
      expect(inbox.list('acc2', 'u1', { q: 'seldom', limit: 5 }).items).toEqual([]);
    });
  });

  it('turns what the user typed into quoted prefix terms', () => {
    expect(ftsQuery(searchTerms('Zip* "NEAR(a" o\'Brien'))).toBe('"zip"* AND "near"* AND "a"* AND "o"* AND "brien"*');
    expect(searchTerms('  --- ()')).toEqual([]);
    expect(ftsQuery(searchTerms('Subscriptions'))).toBe('"subscrip"*');
  });
});
