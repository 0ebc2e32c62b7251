import { given } from '../../../shared/domain/decider.testing';
import { conversationDecider, type ConversationEvent } from './conversation.decider';
import { inboundMessage } from './inbound-message.testing';
import type { AddNote } from './internal-note';

const contact = { id: 'k1', email: 'carla@example.com', name: 'Carla' };
const on = { conversationId: 'c1', accountId: 'a1' };
const started: ConversationEvent[] = conversationDecider.decide(
  { type: 'StartConversation', ...on, contact, linkedTo: null, message: inboundMessage('m1'), ownDomain: 'inbox.test' },
  conversationDecider.initialState(),
  undefined,
);
const now = new Date('2026-12-01T09:00:00.000Z');
const colleagues = [
  { userId: 'u1', name: 'Anna Owner' },
  { userId: 'u2', name: 'Ben Agent' },
];
const note = (text: string, overrides: Partial<AddNote> = {}): AddNote => ({
  type: 'AddNote',
  ...on,
  noteId: 'n1',
  author: { id: 'u1', name: 'Anna Owner' },
  text,
  colleagues,
  now,
  ...overrides,
});
const added = (text: string, mentionedUserIds: string[] = []): ConversationEvent => ({
  type: 'NoteAdded',
  data: { ...on, noteId: 'n1', authorId: 'u1', authorName: 'Anna Owner', text, mentionedUserIds, addedAt: now.toISOString() },
});

describe('an internal note', () => {
  it('is recorded with the people it mentions, each once, under the names the account gives them', () => {
    given(conversationDecider, started)
      .when(note('  @[Benny](u2) and @[Anna Owner](u1), see above; @[Ben](u2) again  '))
      .then([added('@[Ben Agent](u2) and @[Anna Owner](u1), see above; @[Ben Agent](u2) again', ['u2', 'u1'])]);
  });

  it('is recorded once per note id', () => {
    given(conversationDecider, [...started, added('first')]).when(note('first')).then([]);
  });

  it('changes nothing a reply relies on: status, the answered Message-ID, participants', () => {
    const closed: ConversationEvent[] = [...started, { type: 'ConversationClosed', data: on }];
    given(conversationDecider, closed).when(note('Closed, but worth knowing')).then([added('Closed, but worth knowing')]);
    const before = started.reduce(conversationDecider.evolve, conversationDecider.initialState());
    const after = conversationDecider.evolve(before, added('a note'));
    expect({ ...after, messageIds: before.messageIds, thread: before.thread }).toEqual(before);
    expect(after.messageIds).toEqual([...before.messageIds, 'n1']);
    // It is in the thread, so that a colleague's note holds a send that began before it.
    expect(after.thread.at(-1)).toMatchObject({ id: 'n1', direction: 'note', kind: 'note', authorId: 'u1' });
  });

  it('refuses a mention of anyone who is not an active user of the account, naming the text and the mention', () => {
    given(conversationDecider, started)
      .when(note('ask @[Mallory](u9)'))
      .thenFails({ code: 'NOTE.UNKNOWN_MENTION', kind: 'invalid', field: 'text', message: expect.stringContaining('@Mallory (u9)') });
  });

  it('refuses an empty note and one over 10,000 characters', () => {
    given(conversationDecider, started).when(note('   ')).thenFails({ kind: 'invalid', field: 'text', message: 'text must not be empty' });
    given(conversationDecider, started).when(note('x'.repeat(10_000))).then([added('x'.repeat(10_000))]);
    given(conversationDecider, started).when(note('x'.repeat(10_001))).thenFails({ kind: 'invalid', field: 'text', message: 'text must be at most 10000 characters' });
  });

  it('belongs to a conversation that exists', () => {
    given(conversationDecider).when(note('hello')).thenFails({ code: 'NOT_FOUND' });
  });
});
