import { replyBlocker, replyRoute } from './reply-rules';

const on = { enabled: true, address: 'support@acme.inbox.test' };

describe('where a reply goes', () => {
  it('answers email and form conversations by email', () => {
    expect(replyRoute({ channel: 'email', visitorOnline: false, contactEmail: 'carla@example.com', emailChannel: on })).toBe('email');
    expect(replyRoute({ channel: 'form', visitorOnline: false, contactEmail: 'carla@example.com', emailChannel: on })).toBe('email');
  });

  it('answers a chat in the chat while the visitor is there, by email once they left one and went', () => {
    expect(replyRoute({ channel: 'chat', visitorOnline: true, contactEmail: 'vic@example.com', emailChannel: on })).toBe('chat');
    expect(replyRoute({ channel: 'chat', visitorOnline: false, contactEmail: 'vic@example.com', emailChannel: on })).toBe('email');
  });

  it('keeps a chat in the chat when email cannot reach the visitor', () => {
    expect(replyRoute({ channel: 'chat', visitorOnline: false, contactEmail: null, emailChannel: on })).toBe('chat');
    expect(replyRoute({ channel: 'chat', visitorOnline: false, contactEmail: 'vic@example.com', emailChannel: { enabled: false, address: on.address } })).toBe('chat');
  });

  it('names the first reason email cannot be sent', () => {
    expect(replyBlocker({ contactEmail: null, channel: { enabled: false, address: null } })?.code).toBe('CONVERSATION.CONTACT_HAS_NO_EMAIL');
    expect(replyBlocker({ contactEmail: 'a@b.c', channel: { enabled: false, address: null } })?.code).toBe('CONVERSATION.EMAIL_CHANNEL_DISABLED');
    expect(replyBlocker({ contactEmail: 'a@b.c', channel: { enabled: true, address: null } })?.code).toBe('CONVERSATION.NO_SENDING_ADDRESS');
    expect(replyBlocker({ contactEmail: 'a@b.c', channel: on })).toBeNull();
  });
});
