import { conversationDecider, type ConversationEvent } from './conversation.decider';
import { inboundMessage } from './inbound-message.testing';
import { contactPrefixOf, replyTokenFor } from '../../../shared/domain/reply-address';
import { directoryEntriesOf, directoryEntriesOfDecision, type DirectoryEntry } from './thread-directory';
import { threadIndexRoot } from './threading';

const accountId = 'acc-1';
const conversationId = '11111111-2222-3333-4444-555555555555';
const contact = { id: 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee', email: 'carla@example.com', name: 'Carla' };
const threadIndex = Buffer.concat([Buffer.alloc(22, 7), Buffer.alloc(5, 1)]).toString('base64');
const root = threadIndexRoot(threadIndex) as string;

const start = (message = inboundMessage('m1', { threadIndex })) =>
  ({ type: 'StartConversation', conversationId, accountId, contact, linkedTo: null, message, ownDomain: 'inbox.test' }) as const;

describe('the thread directory fold', () => {
  it('files a started conversation under its reply token, with its participants and its contact', () => {
    const [started] = conversationDecider.decide(start(), conversationDecider.initialState());
    expect(directoryEntriesOf(started)).toEqual([
      { kind: 'key', accountId, keyKind: 'token', key: replyTokenFor(conversationId), conversationId },
      { kind: 'participants', accountId, conversationId, addresses: ['carla@example.com', 'dan@example.com'] },
      { kind: 'contact', accountId, conversationId, contactPrefix: contactPrefixOf(contact.id), email: 'carla@example.com', startedAt: '2026-11-24T10:00:00.000Z' },
    ]);
  });

  it("files a received mail under its Message-ID and Thread-Index root, our reply under its own, and a chat visitor's email as the contact", () => {
    const received: ConversationEvent = {
      type: 'MessageReceived',
      data: { conversationId, accountId, message: inboundMessage('m2', { threadIndex }), newParticipants: ['eve@example.com'] },
    };
    expect(directoryEntriesOf(received)).toEqual([
      { kind: 'key', accountId, keyKind: 'message', key: '<m2@example.com>', conversationId },
      { kind: 'key', accountId, keyKind: 'thread-index', key: root, conversationId },
      { kind: 'participants', accountId, conversationId, addresses: ['eve@example.com'] },
    ]);
    const to = { name: 'Carla', address: 'carla@example.com' };
    const reply = { type: 'ReplyQueued', data: { conversationId, accountId, internetMessageId: '<r1@acme.inbox.test>', threadIndex, to, cc: [{ name: '', address: 'dan@example.com' }] } };
    expect(directoryEntriesOf(reply)).toEqual([
      { kind: 'key', accountId, keyKind: 'message', key: '<r1@acme.inbox.test>', conversationId },
      { kind: 'key', accountId, keyKind: 'thread-index', key: root, conversationId },
      { kind: 'participants', accountId, conversationId, addresses: ['carla@example.com', 'dan@example.com'] },
    ]);
    const identified = { type: 'ChatVisitorIdentified', data: { conversationId, accountId, contact, subject: 'Chat with Carla', startedAt: '2026-11-24T09:00:00.000Z' } };
    expect(directoryEntriesOf(identified)).toEqual([
      { kind: 'participants', accountId, conversationId, addresses: ['carla@example.com'] },
      { kind: 'contact', accountId, conversationId, contactPrefix: contactPrefixOf(contact.id), email: 'carla@example.com', startedAt: '2026-11-24T09:00:00.000Z' },
    ]);
  });

  it('knows nothing of other events, nor of a mail without ids', () => {
    expect(directoryEntriesOf({ type: 'ConversationClosed', data: { conversationId, accountId } })).toEqual([]);
    const bare: ConversationEvent = {
      type: 'MessageReceived',
      data: { conversationId, accountId, message: inboundMessage('m3', { internetMessageId: null }), newParticipants: [] },
    };
    expect(directoryEntriesOf(bare)).toEqual([]);
  });

  it("gives a decision the entries of the events it appends, whatever the conversation's history", () => {
    const startEntries = directoryEntriesOfDecision(start());
    const appended = conversationDecider.decide(start(), conversationDecider.initialState()).flatMap(directoryEntriesOf);
    expect(startEntries).toEqual(appended);

    // Eve writes, Cc Dan, who already takes part: the append names Eve alone, the decision both;
    // the directory, where participants only join, ends the same either way.
    const history = conversationDecider.decide(start(), conversationDecider.initialState());
    const state = history.reduce(conversationDecider.evolve, conversationDecider.initialState());
    const join = { type: 'ReceiveMessage', conversationId, accountId, message: inboundMessage('m4', { from: { name: '', address: 'eve@example.com' } }), ownDomain: 'inbox.test' } as const;
    const union = (entries: DirectoryEntry[]) => new Set(entries.flatMap((entry) => (entry.kind === 'participants' ? entry.addresses : [])));
    const real = conversationDecider.decide(join, state).flatMap(directoryEntriesOf);
    const decided = directoryEntriesOfDecision(join);
    expect(decided.filter((entry) => entry.kind === 'key')).toEqual(real.filter((entry) => entry.kind === 'key'));
    expect(new Set([...union(history.flatMap(directoryEntriesOf)), ...union(decided)])).toEqual(new Set([...union(history.flatMap(directoryEntriesOf)), ...union(real)]));
  });
});
