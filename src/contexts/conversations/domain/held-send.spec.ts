import { given } from '../../../shared/domain/decider.testing';
import { conversationDecider, type ConversationEvent, type SendReply } from './conversation.decider';
import { inboundMessage } from './inbound-message.testing';

// A reply is held when something arrived after the agent's composer caught up with the thread.

const on = { conversationId: 'c1', accountId: 'a1' };
const carla = { id: 'k1', email: 'carla@example.com', name: 'Carla' };
const opened = new Date('2026-11-24T10:30:00.000Z');

const reply = (overrides: Partial<SendReply> = {}): SendReply => ({
  type: 'SendReply',
  ...on,
  messageId: 'r9',
  author: { id: 'anna', name: 'Anna' },
  text: 'On its way.',
  email: { fromName: 'Anna from Acme', subject: 'Re: Broken zipper', text: 'On its way.', html: '<p>On its way.</p>' },
  emailChannel: { enabled: true, address: 'support@acme.inbox.test' },
  visitorOnline: false,
  ownDomain: 'inbox.test',
  now: new Date('2026-11-24T11:00:00.000Z'),
  savedAt: opened,
  ...overrides,
});

const fold = (events: ConversationEvent[]) => events.reduce(conversationDecider.evolve, conversationDecider.initialState());
const started = conversationDecider.decide(
  { type: 'StartConversation', ...on, contact: carla, linkedTo: null, message: inboundMessage('m1'), ownDomain: 'inbox.test' },
  conversationDecider.initialState(),
  undefined,
);
const replyBy = (messageId: string, author: { id: string; name: string }, at: string, events: ConversationEvent[]): ConversationEvent[] =>
  conversationDecider.decide(reply({ messageId, author, text: 'Ben here: refund issued.', email: { ...reply().email, fromName: author.name, text: 'Ben here: refund issued.' }, now: new Date(at), savedAt: null }), fold(events), undefined);

describe('a reply whose composer caught up with the thread', () => {
  it('goes out when nothing arrived after savedAt', () => {
    const [queued] = conversationDecider.decide(reply(), fold(started), undefined);
    expect(queued).toMatchObject({ type: 'ReplyQueued', data: { messageId: 'r9', authorId: 'anna' } });
  });

  it("is held when the contact's mail arrived after savedAt, naming it", () => {
    const later = conversationDecider.decide(
      { type: 'ReceiveMessage', ...on, message: inboundMessage('m2', { receivedAt: '2026-11-24T10:45:00.000Z', replyText: 'Any news?\n\nCarla' }), ownDomain: 'inbox.test' },
      fold(started),
      undefined,
    );
    given(conversationDecider, [...started, ...later])
      .when(reply())
      .thenFails({
        code: 'CONVERSATION.SEND_HELD',
        kind: 'conflict',
        arrived: [{ id: 'm2', direction: 'inbound', kind: 'mail', authorId: null, at: '2026-11-24T10:45:00.000Z', from: 'Carla', excerpt: 'Any news? Carla' }],
      });
  });

  it("is held when another agent's reply went out after savedAt", () => {
    const bens = replyBy('r2', { id: 'ben', name: 'Ben' }, '2026-11-24T10:40:00.000Z', started);
    given(conversationDecider, [...started, ...bens])
      .when(reply())
      .thenFails({ arrived: [{ id: 'r2', direction: 'outbound', kind: 'reply', authorId: 'ben', from: 'Ben', excerpt: 'Ben here: refund issued.' }] });
  });

  it("is not held by the sender's own earlier reply", () => {
    const own = replyBy('r2', { id: 'anna', name: 'Anna' }, '2026-11-24T10:40:00.000Z', started);
    expect(conversationDecider.decide(reply(), fold([...started, ...own]), undefined)).toHaveLength(1);
  });

  it('goes out anyway with force, and without savedAt as before', () => {
    const bens = replyBy('r2', { id: 'ben', name: 'Ben' }, '2026-11-24T10:40:00.000Z', started);
    expect(conversationDecider.decide(reply({ force: true }), fold([...started, ...bens]), undefined)).toHaveLength(1);
    expect(conversationDecider.decide(reply({ savedAt: undefined }), fold([...started, ...bens]), undefined)).toHaveLength(1);
  });

  it('records a resent reply once instead of holding it (its own arrival is no collision)', () => {
    const sent = conversationDecider.decide(reply(), fold(started), undefined);
    const bens = replyBy('r2', { id: 'ben', name: 'Ben' }, '2026-11-24T10:40:00.000Z', [...started, ...sent]);
    given(conversationDecider, [...started, ...sent, ...bens]).when(reply()).then([]);
  });
});
