import { chatConversationId, chatTokenMatches, chatVisitorToken } from './chat-session';

describe('chat sessions', () => {
  it('derive a token per account and session that only the secret can make', () => {
    const token = chatVisitorToken('secret', 'a1', 's1');
    expect(chatTokenMatches(token, chatVisitorToken('secret', 'a1', 's1'))).toBe(true);
    expect(chatTokenMatches(token, chatVisitorToken('secret', 'a2', 's1'))).toBe(false);
    expect(chatTokenMatches(token, chatVisitorToken('other', 'a1', 's1'))).toBe(false);
    expect(chatTokenMatches('short', token)).toBe(false);
  });

  it('name one conversation per session', () => {
    expect(chatConversationId('a1', 's1')).toBe(chatConversationId('a1', 's1'));
    expect(chatConversationId('a1', 's1')).not.toBe(chatConversationId('a1', 's2'));
  });
});
