import { given } from '../../../shared/domain/decider.testing';
import { conversationSeenDecider, conversationSeenStream, type ConversationSeen } from './conversation-seen.decider';

const see = { type: 'SeeConversation' as const, conversationId: 'c1', accountId: 'a1', userId: 'u1' };
const seen = (at: string): ConversationSeen => ({ type: 'ConversationSeen', data: { conversationId: 'c1', accountId: 'a1', userId: 'u1', at } });

describe('conversation seen decider', () => {
  it('records the first time a user opens a conversation', () => {
    given(conversationSeenDecider).when(see, { now: '2026-11-24T10:05:00.000Z', lastInboundAt: '2026-11-24T10:00:00.000Z' }).then([seen('2026-11-24T10:05:00.000Z')]);
  });

  it('records nothing when nothing came in since the user last saw it', () => {
    given(conversationSeenDecider, [seen('2026-11-24T10:05:00.000Z')])
      .when(see, { now: '2026-11-24T11:00:00.000Z', lastInboundAt: '2026-11-24T10:00:00.000Z' })
      .then([]);
    given(conversationSeenDecider, [seen('2026-11-24T10:05:00.000Z')]).when(see, { now: '2026-11-24T11:00:00.000Z', lastInboundAt: null }).then([]);
  });

  it('records a new seen once a message came in after the last one', () => {
    given(conversationSeenDecider, [seen('2026-11-24T10:05:00.000Z')])
      .when(see, { now: '2026-11-24T11:00:00.000Z', lastInboundAt: '2026-11-24T10:30:00.000Z' })
      .then([seen('2026-11-24T11:00:00.000Z')]);
  });

  it('keeps the stream category free of hyphens', () => {
    expect(conversationSeenStream('3f1c-aa', 'u-1').split('-')[0]).toBe('conversationseen');
  });
});
