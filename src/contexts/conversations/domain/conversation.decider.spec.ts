import { given } from '../../../shared/domain/decider.testing';
import { conversationDecider, type ConversationEvent } from './conversation.decider';
import { replyTokenFor } from '../../../shared/domain/reply-address';
import { inboundMessage } from './inbound-message.testing';


const contact = { id: 'k1', email: 'carla@example.com', name: 'Carla' };
const start = { type: 'StartConversation' as const, conversationId: 'c1', accountId: 'a1', contact, linkedTo: null, message: inboundMessage('m1'), ownDomain: 'inbox.test' };
const started: ConversationEvent[] = conversationDecider.decide(start, conversationDecider.initialState(), undefined);

describe('conversation decider', () => {
  it('starts with the contact and every non-own address as participants, and the first message', () => {
    expect(started).toEqual([
      {
        type: 'ConversationStarted',
        data: {
          conversationId: 'c1',
          accountId: 'a1',
          channel: 'email',
          subject: 'Broken zipper',
          contact,
          participants: ['carla@example.com', 'dan@example.com'],
          replyToken: replyTokenFor('c1'),
          linkedTo: null,
          startedAt: '2026-11-24T10:00:00.000Z',
        },
      },
      { type: 'MessageReceived', data: { conversationId: 'c1', accountId: 'a1', message: inboundMessage('m1'), newParticipants: [] } },
    ]);
  });

  it('records a message once, adding new participants', () => {
    const reply = inboundMessage('m2', { cc: [{ name: 'Eve', address: 'eve@example.com' }] });
    given(conversationDecider, started)
      .when({ type: 'ReceiveMessage', conversationId: 'c1', accountId: 'a1', message: reply, ownDomain: 'inbox.test' })
      .then([{ type: 'MessageReceived', data: { conversationId: 'c1', accountId: 'a1', message: reply, newParticipants: ['eve@example.com'] } }]);
    given(conversationDecider, started).when({ type: 'ReceiveMessage', conversationId: 'c1', accountId: 'a1', message: inboundMessage('m1'), ownDomain: 'inbox.test' }).then([]);
  });

  it("reopens a closed conversation on a person's reply, not on an auto-reply", () => {
    const closed: ConversationEvent[] = [...started, { type: 'ConversationClosed', data: { conversationId: 'c1', accountId: 'a1' } }];
    const asClosed = conversationDecider;
    given(asClosed, closed)
      .when({ type: 'ReceiveMessage', conversationId: 'c1', accountId: 'a1', message: inboundMessage('m3'), ownDomain: 'inbox.test' })
      .then([
        { type: 'MessageReceived', data: { conversationId: 'c1', accountId: 'a1', message: inboundMessage('m3'), newParticipants: [] } },
        { type: 'ConversationReopened', data: { conversationId: 'c1', accountId: 'a1', because: 'reply' } },
      ]);
    const auto = inboundMessage('m4', { kind: 'auto-reply' });
    given(asClosed, closed)
      .when({ type: 'ReceiveMessage', conversationId: 'c1', accountId: 'a1', message: auto, ownDomain: 'inbox.test' })
      .then([{ type: 'MessageReceived', data: { conversationId: 'c1', accountId: 'a1', message: auto, newParticipants: [] } }]);
  });
});

describe('agents on a conversation', () => {
  const on = { conversationId: 'c1', accountId: 'a1' };
  it('closes and reopens, once each', () => {
    given(conversationDecider, started).when({ type: 'Close', ...on }).then([{ type: 'ConversationClosed', data: on }]);
    const closed: ConversationEvent[] = [...started, { type: 'ConversationClosed', data: on }];
    given(conversationDecider, closed).when({ type: 'Close', ...on }).then([]);
    given(conversationDecider, closed).when({ type: 'Reopen', ...on }).then([{ type: 'ConversationReopened', data: { ...on, because: 'agent' } }]);
    given(conversationDecider, started).when({ type: 'Reopen', ...on }).then([]);
  });

  it('assigns and unassigns', () => {
    given(conversationDecider, started).when({ type: 'Assign', ...on, assigneeId: 'u1' }).then([{ type: 'ConversationAssigned', data: { ...on, assigneeId: 'u1' } }]);
    const assigned: ConversationEvent[] = [...started, { type: 'ConversationAssigned', data: { ...on, assigneeId: 'u1' } }];
    given(conversationDecider, assigned).when({ type: 'Assign', ...on, assigneeId: 'u1' }).then([]);
    given(conversationDecider, assigned).when({ type: 'Assign', ...on, assigneeId: null }).then([{ type: 'ConversationAssigned', data: { ...on, assigneeId: null } }]);
  });

  it('knows no conversation that never started', () => {
    given(conversationDecider).when({ type: 'Close', ...on }).thenFails({ code: 'NOT_FOUND' });
  });
});

describe('a form submission', () => {
  it('starts a form conversation with the submitter alone as participant, once', () => {
    const fields = inboundMessage('s1', { kind: 'form', internetMessageId: null, to: [], cc: [], subject: 'Contact us', replyText: 'Email: carla@example.com' });
    const command = { type: 'StartFormConversation' as const, conversationId: 'c2', accountId: 'a1', contact, message: fields };
    const events = conversationDecider.decide(command, conversationDecider.initialState(), undefined);
    expect(events).toEqual([
      {
        type: 'ConversationStarted',
        data: { conversationId: 'c2', accountId: 'a1', channel: 'form', subject: 'Contact us', contact, participants: ['carla@example.com'], replyToken: replyTokenFor('c2'), linkedTo: null, startedAt: fields.receivedAt },
      },
      { type: 'MessageReceived', data: { conversationId: 'c2', accountId: 'a1', message: fields, newParticipants: [] } },
    ]);
    given(conversationDecider, events).when(command).then([]);
  });
});
