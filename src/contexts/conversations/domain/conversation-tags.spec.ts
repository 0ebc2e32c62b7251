import { given } from '../../../shared/domain/decider.testing';
import { conversationDecider, type ConversationEvent } from './conversation.decider';
import { inboundMessage } from './inbound-message.testing';

const contact = { id: 'k1', email: 'carla@example.com', name: 'Carla' };
const started: ConversationEvent[] = conversationDecider.decide(
  { type: 'StartConversation', conversationId: 'c1', accountId: 'a1', contact, linkedTo: null, message: inboundMessage('m1'), ownDomain: 'inbox.test' },
  conversationDecider.initialState(),
  undefined,
);
const setTags = (tagIds: string[], catalogue = ['t1', 't2', 't3']) => ({ type: 'SetTags' as const, conversationId: 'c1', accountId: 'a1', tagIds, catalogue });
const changed = (added: string[], removed: string[]): ConversationEvent => ({ type: 'ConversationTagsChanged', data: { conversationId: 'c1', accountId: 'a1', added, removed } });

describe('conversation tags', () => {
  it('records the tags put on a conversation', () => {
    given(conversationDecider, started).when(setTags(['t1', 't2'])).then([changed(['t1', 't2'], [])]);
  });

  it('records only the difference, in one event', () => {
    given(conversationDecider, [...started, changed(['t1', 't2'], [])]).when(setTags(['t2', 't3'])).then([changed(['t3'], ['t1'])]);
    given(conversationDecider, [...started, changed(['t1', 't2'], [])]).when(setTags([])).then([changed([], ['t1', 't2'])]);
  });

  it('records nothing when the tags are already so', () => {
    given(conversationDecider, [...started, changed(['t1', 't2'], [])]).when(setTags(['t2', 't1', 't2'])).then([]);
    given(conversationDecider, started).when(setTags([])).then([]);
  });

  it('never removes again a tag the catalogue deleted (it left every conversation then)', () => {
    given(conversationDecider, [...started, changed(['t1', 't2'], [])]).when(setTags(['t2'], ['t2', 't3'])).then([]);
    given(conversationDecider, [...started, changed(['t1', 't2'], [])]).when(setTags([], ['t2', 't3'])).then([changed([], ['t2'])]);
  });

  it('allows at most 20 tags', () => {
    const many = Array.from({ length: 21 }, (_, i) => `t${i}`);
    given(conversationDecider, started).when(setTags(many, many)).thenFails({ kind: 'invalid', field: 'tags' });
  });

  it('answers not found for a conversation that never started', () => {
    given(conversationDecider).when(setTags(['t1'])).thenFails({ kind: 'not_found' });
  });
});
