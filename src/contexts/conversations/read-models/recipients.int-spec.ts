import type { RecordedEvent } from '../../../shared/event-store/event-store.port';
import { openSqlite, type SqliteDatabase } from '../../../shared/sqlite/open-sqlite';
import { conversationDecider, type ConversationEvent, type SendReply } from '../domain/conversation.decider';
import { inboundMessage } from '../domain/inbound-message.testing';
import { ConversationsProjection } from './conversations.projection';
import { ConversationsQueries } from './conversations.queries';

// Copies and forwards in the conversations read model, on a real SQLite database: what the team's
// thread shows, and what a view for the contact (a chat transcript, quoted history) leaves out.

const on = { conversationId: 'c1', accountId: 'acc1' };
const projection = new ConversationsProjection();
let db: SqliteDatabase;
let queries: ConversationsQueries;
let position = 0n;
let history: ConversationEvent[] = [];

function record(events: ConversationEvent[]): void {
  db.transaction(() => {
    for (const event of events) {
      position += 1n;
      projection.apply({ ...event, streamId: 'conversation-c1', revision: 0, position } as unknown as RecordedEvent, db);
    }
  })();
  history = [...history, ...events];
}
const decide = (command: Parameters<typeof conversationDecider.decide>[0]) => record(conversationDecider.decide(command, history.reduce(conversationDecider.evolve, conversationDecider.initialState()), undefined));
const send = (overrides: Partial<SendReply>): SendReply => ({
  type: 'SendReply',
  ...on,
  messageId: 'r1',
  author: { id: 'u1', name: 'Anna' },
  text: 'Hi',
  email: { fromName: 'Anna', subject: 'Re: Broken zipper', text: 'Hi', html: '<p>Hi</p>' },
  emailChannel: { enabled: true, address: 'support@acme.inbox.test' },
  visitorOnline: false,
  ownDomain: 'inbox.test',
  now: new Date('2026-11-25T09:30:00.000Z'),
  ...overrides,
});

beforeAll(() => {
  db = openSqlite(':memory:', { synchronous: 'NORMAL' });
  projection.setUp(db);
  queries = new ConversationsQueries(db);
  const carla = { id: 'k1', email: 'carla@example.com', name: 'Carla' };
  decide({ type: 'StartConversation', ...on, contact: carla, linkedTo: null, message: inboundMessage('m1'), ownDomain: 'inbox.test' });
  decide(send({ copies: { cc: ['dan@example.com'], bcc: ['boss@example.com'] } }));
  decide(send({ messageId: 'f1', forward: { to: 'repair@example.org', messageIds: ['m1'] } }));
  decide({ type: 'ReceiveMessage', ...on, message: inboundMessage('m2', { from: { name: 'Rita', address: 'repair@example.org' }, cc: [] }), ownDomain: 'inbox.test' });
});
afterAll(() => db.close());

describe('the conversations read model', () => {
  it("keeps a reply's Cc and Bcc and a forward's mark, and everyone written to as participants", () => {
    const [, reply, forward] = queries.messages('c1', { withNotes: true });
    expect(reply).toMatchObject({ cc: [{ address: 'dan@example.com' }], bcc: [{ address: 'boss@example.com' }], forward: null });
    expect(forward).toMatchObject({ to: [{ address: 'repair@example.org' }], bcc: [], forward: { messageIds: ['m1'] } });
    expect(queries.conversation('acc1', 'c1')?.participants).toEqual(['carla@example.com', 'dan@example.com', 'boss@example.com', 'repair@example.org']);
  });

  it("leaves forwards and the third party's answers out of what the contact may see", () => {
    expect(queries.messages('c1', { withNotes: true }).map((m) => m.id)).toEqual(['m1', 'r1', 'f1', 'm2']);
    expect(queries.messages('c1').map((m) => m.id)).toEqual(['m1', 'r1']);
  });
});
