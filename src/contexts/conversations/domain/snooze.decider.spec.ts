import { given } from '../../../shared/domain/decider.testing';
import { conversationDecider, type ConversationEvent } from './conversation.decider';
import { inboundMessage } from './inbound-message.testing';

const on = { conversationId: 'c1', accountId: 'a1' };
const contact = { id: 'k1', email: 'carla@example.com', name: 'Carla' };
const started: ConversationEvent[] = conversationDecider.decide(
  { type: 'StartConversation', ...on, contact, linkedTo: null, message: inboundMessage('m1'), ownDomain: 'inbox.test' },
  conversationDecider.initialState(),
  undefined,
);
const now = new Date('2026-12-07T10:00:00.000Z');
const until = '2026-12-08T08:00:00.000Z';
const snoozed: ConversationEvent[] = [...started, { type: 'ConversationSnoozed', data: { ...on, until, by: 'u1' } }];
const snooze = (at: string) => ({ type: 'Snooze' as const, ...on, until: new Date(at), by: 'u1', now });

describe('snoozing a conversation', () => {
  it('snoozes until a future time, and snoozing again moves the time', () => {
    given(conversationDecider, started).when(snooze(until)).then([{ type: 'ConversationSnoozed', data: { ...on, until, by: 'u1' } }]);
    given(conversationDecider, snoozed).when(snooze(until)).then([]);
    given(conversationDecider, snoozed)
      .when(snooze('2026-12-09T08:00:00.000Z'))
      .then([{ type: 'ConversationSnoozed', data: { ...on, until: '2026-12-09T08:00:00.000Z', by: 'u1' } }]);
  });

  it('refuses a time that is not in the future, or more than a year away, naming until', () => {
    given(conversationDecider, started).when(snooze(now.toISOString())).thenFails({ kind: 'invalid', field: 'until', message: 'until must be a time in the future' });
    given(conversationDecider, started).when(snooze('2027-12-09T10:00:00.000Z')).thenFails({ kind: 'invalid', field: 'until', message: 'until must be at most a year from now' });
    given(conversationDecider, started).when(snooze('not a date')).thenFails({ kind: 'invalid', field: 'until' });
  });

  it('refuses a closed conversation (409), and an unknown one (404)', () => {
    given(conversationDecider, [...started, { type: 'ConversationClosed', data: on }]).when(snooze(until)).thenFails({ kind: 'conflict', code: 'CONVERSATION.CLOSED' });
    given(conversationDecider, []).when(snooze(until)).thenFails({ kind: 'not_found' });
  });

  it('closing ends the snooze', () => {
    const closed: ConversationEvent[] = [...snoozed, { type: 'ConversationClosed', data: on }];
    given(conversationDecider, closed).when({ type: 'Unsnooze', ...on }).then([]);
    given(conversationDecider, closed).when({ type: 'WakeIfDue', ...on, now: new Date('2026-12-09T00:00:00.000Z') }).then([]);
  });
});

describe('waking a snoozed conversation', () => {
  it('wakes when its time has come, once', () => {
    given(conversationDecider, snoozed).when({ type: 'WakeIfDue', ...on, now: new Date('2026-12-08T07:59:59.999Z') }).then([]);
    given(conversationDecider, snoozed).when({ type: 'WakeIfDue', ...on, now: new Date(until) }).then([{ type: 'ConversationWoke', data: { ...on, because: 'time' } }]);
    given(conversationDecider, [...snoozed, { type: 'ConversationWoke', data: { ...on, because: 'time' } }])
      .when({ type: 'WakeIfDue', ...on, now: new Date(until) })
      .then([]);
  });

  it('wakes when an agent unsnoozes it', () => {
    given(conversationDecider, snoozed).when({ type: 'Unsnooze', ...on }).then([{ type: 'ConversationWoke', data: { ...on, because: 'agent' } }]);
    given(conversationDecider, started).when({ type: 'Unsnooze', ...on }).then([]);
  });

  it("wakes in the same decision as the contact's mail, not on an auto-reply", () => {
    const mail = inboundMessage('m2');
    given(conversationDecider, snoozed)
      .when({ type: 'ReceiveMessage', ...on, message: mail, ownDomain: 'inbox.test' })
      .then([
        { type: 'MessageReceived', data: { ...on, message: mail, newParticipants: [] } },
        { type: 'ConversationWoke', data: { ...on, because: 'message' } },
      ]);
    const auto = inboundMessage('m3', { kind: 'auto-reply' });
    given(conversationDecider, snoozed)
      .when({ type: 'ReceiveMessage', ...on, message: auto, ownDomain: 'inbox.test' })
      .then([{ type: 'MessageReceived', data: { ...on, message: auto, newParticipants: [] } }]);
  });

  it("wakes on the visitor's chat line", () => {
    const visitor = { id: 'v1', email: '', name: 'Vera' };
    const at = new Date('2026-12-07T09:00:00.000Z');
    const chat: ConversationEvent[] = conversationDecider.decide(
      { type: 'ReceiveChatMessage', ...on, contact: visitor, messageId: 'l1', text: 'Hello?', now: at },
      conversationDecider.initialState(),
      undefined,
    );
    given(conversationDecider, [...chat, { type: 'ConversationSnoozed', data: { ...on, until, by: 'u1' } }])
      .when({ type: 'ReceiveChatMessage', ...on, contact: visitor, messageId: 'l2', text: 'Anyone?', now })
      .then([
        { type: 'ChatMessageReceived', data: { ...on, messageId: 'l2', text: 'Anyone?', visitorName: 'Vera', receivedAt: now.toISOString() } },
        { type: 'ConversationWoke', data: { ...on, because: 'message' } },
      ]);
  });
});
