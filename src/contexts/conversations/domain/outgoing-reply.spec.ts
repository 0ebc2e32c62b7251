import { threadIndexRoot } from './threading';
import { conversationDecider, type ConversationEvent, type InboundMessage } from './conversation.decider';
import { nextThreadIndex, type ReplyQueued } from './outgoing-reply';
import { inboundMessage } from './inbound-message.testing';
import { markerFor, plusAddress, replyTokenFor } from '../../../shared/domain/reply-address';

const conversationId = '0b9f3c1e-5d2a-4c8e-9f00-123456789abc';
const contact = { id: 'k1', email: 'carla@example.com', name: 'Carla' };
const history = (...messages: InboundMessage[]): ConversationEvent[] => {
  const [first, ...rest] = messages;
  const start = conversationDecider.decide(
    { type: 'StartConversation', conversationId, accountId: 'a1', contact, linkedTo: null, message: first, ownDomain: 'inbox.test' },
    conversationDecider.initialState(),
    undefined,
  );
  return [...start, ...rest.map((message): ConversationEvent => ({ type: 'MessageReceived', data: { conversationId, accountId: 'a1', message, newParticipants: [] } }))];
};
const now = new Date('2026-11-25T09:30:00.000Z');
const queue = (overrides: { messageId?: string } = {}) => ({
  type: 'SendReply' as const,
  conversationId,
  accountId: 'a1',
  messageId: overrides.messageId ?? 'r-1',
  author: { id: 'u1', name: 'Anna' },
  text: 'Sent a new one.',
  email: { fromName: 'Anna from Acme', subject: 'Follow-up', text: 'Sent a new one.', html: '<p>Sent a new one.</p>' },
  emailChannel: { enabled: true, address: 'support@acme.inbox.test' },
  visitorOnline: false,
  ownDomain: 'inbox.test',
  now,
});

describe('queueing a reply', () => {
  it('goes to the contact alone, from the channel address, with Reply-To carrying the reply token and headers that thread', () => {
    const events = conversationDecider.decide(queue(), history(inboundMessage('m1'), inboundMessage('m2', { kind: 'auto-reply' })).reduce(conversationDecider.evolve, conversationDecider.initialState()), undefined);
    expect(events).toHaveLength(1);
    const { data } = events[0] as ReplyQueued;
    expect(data).toMatchObject({
      messageId: 'r-1',
      from: { name: 'Anna from Acme', address: 'support@acme.inbox.test' },
      to: { name: 'Carla', address: 'carla@example.com' },
      replyTo: plusAddress('support@acme.inbox.test', replyTokenFor(conversationId)),
      subject: 'Follow-up',
      internetMessageId: '<rr1@inbox.test>',
      // The auto-reply is in References but is not what the reply answers.
      inReplyTo: '<m1@example.com>',
      references: ['<m1@example.com>', '<m2@example.com>'],
      marker: markerFor(replyTokenFor(conversationId)),
      queuedAt: now.toISOString(),
    });
    expect(threadIndexRoot(data.threadIndex)).toBe(threadIndexRoot(nextThreadIndex(null, conversationId, new Date('2026-11-24T10:00:00.000Z'), now)));
  });

  it('extends the Thread-Index of the contact’s Outlook and the References of earlier replies', () => {
    const outlookIndex = Buffer.concat([Buffer.from([1, 2, 3, 4, 5, 6]), Buffer.alloc(16, 7)]).toString('base64');
    let state = history(inboundMessage('m1', { threadIndex: outlookIndex })).reduce(conversationDecider.evolve, conversationDecider.initialState());
    const [first] = conversationDecider.decide(queue(), state, undefined) as ReplyQueued[];
    state = conversationDecider.evolve(state, first);
    const [second] = conversationDecider.decide(queue({ messageId: 'r-2' }), state, undefined) as ReplyQueued[];
    expect(Buffer.from(first.data.threadIndex, 'base64')).toHaveLength(27);
    expect(Buffer.from(second.data.threadIndex, 'base64')).toHaveLength(32);
    expect(threadIndexRoot(second.data.threadIndex)).toBe(threadIndexRoot(outlookIndex));
    expect(second.data.references).toEqual(['<m1@example.com>', '<rr1@inbox.test>']);
    expect(second.data.inReplyTo).toBe('<m1@example.com>');
  });

  it('keeps the first and the newest References when the thread grows long', () => {
    const messages = Array.from({ length: 30 }, (_, i) => inboundMessage(`m${i}`));
    const [reply] = conversationDecider.decide(queue(), history(...messages).reduce(conversationDecider.evolve, conversationDecider.initialState()), undefined) as ReplyQueued[];
    expect(reply.data.references).toHaveLength(20);
    expect(reply.data.references[0]).toBe('<m0@example.com>');
    expect(reply.data.references[19]).toBe('<m29@example.com>');
  });
});

describe('Thread-Index', () => {
  it('starts a 22-byte index named after the conversation, with the header Outlook expects', () => {
    const index = Buffer.from(nextThreadIndex(null, conversationId, new Date('2026-11-24T10:00:00Z'), now), 'base64');
    expect(index).toHaveLength(22);
    expect(index[0]).toBe(1);
    expect(index.subarray(6).toString('hex')).toBe(conversationId.replace(/-/g, ''));
  });
});

describe('queueing a formatted reply', () => {
  const state = () => history(inboundMessage('m1')).reduce(conversationDecider.evolve, conversationDecider.initialState());
  const emailOf = (typed: string, text: string) => ({ ...queue(), email: { ...queue().email, typed, text } });

  it('keeps the text as typed, with its marks, beside the text part when they differ', () => {
    const [event] = conversationDecider.decide(emailOf('Sent a **new** one.', 'Sent a new one.'), state(), undefined) as ReplyQueued[];
    expect(event.data).toMatchObject({ text: 'Sent a new one.', typed: 'Sent a **new** one.' });
  });

  it('does not repeat text without marks', () => {
    const [event] = conversationDecider.decide(emailOf('Sent a new one.', 'Sent a new one.'), state(), undefined) as ReplyQueued[];
    expect(event.data.typed).toBeUndefined();
  });
});
