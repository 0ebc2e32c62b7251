import { routeReply, type ReplyFacts } from './reply-rules';

const on = { enabled: true, address: 'support@acme.inbox.test' };
const facts = (overrides: Partial<ReplyFacts>): ReplyFacts => ({ channel: 'email', contactEmail: 'carla@example.com', visitorOnline: false, emailChannel: on, ...overrides });

describe('where a reply goes', () => {
  it('answers email and form conversations by email', () => {
    expect(routeReply(facts({ channel: 'email' }))).toEqual({ via: 'email', emailBlocker: null });
    expect(routeReply(facts({ channel: 'form' }))).toEqual({ via: 'email', emailBlocker: null });
  });

  it('keeps an email conversation on email when email is blocked, naming the blocker', () => {
    const { via, emailBlocker } = routeReply(facts({ channel: 'email', emailChannel: { enabled: false, address: on.address } }));
    expect(via).toBe('email');
    expect(emailBlocker?.code).toBe('CONVERSATION.EMAIL_CHANNEL_DISABLED');
  });

  it('answers a chat in the chat while the visitor is there, by email once they left one and went', () => {
    expect(routeReply(facts({ channel: 'chat', visitorOnline: true })).via).toBe('chat');
    expect(routeReply(facts({ channel: 'chat', visitorOnline: false }))).toEqual({ via: 'email', emailBlocker: null });
  });

  it('keeps a chat in the chat when email cannot reach the visitor, and says why', () => {
    expect(routeReply(facts({ channel: 'chat', contactEmail: null }))).toMatchObject({ via: 'chat', emailBlocker: { code: 'CONVERSATION.CONTACT_HAS_NO_EMAIL' } });
    expect(routeReply(facts({ channel: 'chat', emailChannel: { enabled: false, address: on.address } }))).toMatchObject({
      via: 'chat',
      emailBlocker: { code: 'CONVERSATION.EMAIL_CHANNEL_DISABLED' },
    });
  });

  it('names the first reason email cannot be sent', () => {
    const blocker = (overrides: Partial<ReplyFacts>) => routeReply(facts(overrides)).emailBlocker?.code ?? null;
    expect(blocker({ contactEmail: null, emailChannel: { enabled: false, address: null } })).toBe('CONVERSATION.CONTACT_HAS_NO_EMAIL');
    expect(blocker({ emailChannel: { enabled: false, address: null } })).toBe('CONVERSATION.EMAIL_CHANNEL_DISABLED');
    expect(blocker({ emailChannel: { enabled: true, address: null } })).toBe('CONVERSATION.NO_SENDING_ADDRESS');
    expect(blocker({})).toBeNull();
  });
});
