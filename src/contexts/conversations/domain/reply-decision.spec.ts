import { given } from '../../../shared/domain/decider.testing';
import { conversationDecider, type ConversationEvent, type SendReply } from './conversation.decider';
import { inboundMessage } from './inbound-message.testing';

// The decider routes an agent's reply and records it once: queued for the outbox, or posted in the chat.

const on = { conversationId: 'c1', accountId: 'a1' };
const now = new Date('2026-11-25T09:30:00.000Z');
const channelOn = { enabled: true, address: 'support@acme.inbox.test' };
const carla = { id: 'k1', email: 'carla@example.com', name: 'Carla' };
const visitor = { id: 'v1', email: '', name: 'Vic' };

const reply = (overrides: Partial<SendReply> = {}): SendReply => ({
  type: 'SendReply',
  ...on,
  messageId: 'r1',
  author: { id: 'u1', name: 'Anna' },
  text: 'Sent a new one.\r\nCheers',
  email: { fromName: 'Anna from Acme', subject: 'Follow-up', text: 'Sent a new one.\nCheers', html: '<p>Sent a new one.</p>' },
  emailChannel: channelOn,
  visitorOnline: false,
  ownDomain: 'inbox.test',
  now,
  ...overrides,
});

const fold = (events: ConversationEvent[]) => events.reduce(conversationDecider.evolve, conversationDecider.initialState());
const decided = (events: ConversationEvent[], command: SendReply) => conversationDecider.decide(command, fold(events), undefined);

const emailConversation = conversationDecider.decide(
  { type: 'StartConversation', ...on, contact: carla, linkedTo: null, message: inboundMessage('m1'), ownDomain: 'inbox.test' },
  conversationDecider.initialState(),
  undefined,
);
const chat = conversationDecider.decide(
  { type: 'ReceiveChatMessage', ...on, contact: visitor, messageId: 'l1', text: 'Hello?', now: new Date('2026-11-25T09:00:00.000Z') },
  conversationDecider.initialState(),
  undefined,
);
const identifiedChat = [...chat, ...conversationDecider.decide({ type: 'IdentifyChatVisitor', ...on, contact: { ...visitor, email: 'vic@example.com' } }, fold(chat), undefined)];

const posted: ConversationEvent = {
  type: 'ChatReplyPosted',
  data: { ...on, messageId: 'r1', authorId: 'u1', authorName: 'Anna', text: 'Sent a new one.\r\nCheers', postedAt: now.toISOString() },
};

describe('an agent replying to an email conversation', () => {
  it('queues the email version of the reply for the contact', () => {
    const [queued] = decided(emailConversation, reply());
    expect(queued).toMatchObject({
      type: 'ReplyQueued',
      data: { ...on, messageId: 'r1', authorId: 'u1', from: { name: 'Anna from Acme', address: channelOn.address }, to: { name: 'Carla', address: 'carla@example.com' }, subject: 'Follow-up', text: 'Sent a new one.\nCheers' },
    });
  });

  it('records the same message once', () => {
    const queued = decided(emailConversation, reply());
    given(conversationDecider, [...emailConversation, ...queued]).when(reply()).then([]);
  });

  it('is refused while the email channel is off, before a forwarding address exists, or when the contact has no email', () => {
    given(conversationDecider, emailConversation).when(reply({ emailChannel: { ...channelOn, enabled: false } })).thenFails({ code: 'CONVERSATION.EMAIL_CHANNEL_DISABLED', kind: 'conflict' });
    given(conversationDecider, emailConversation).when(reply({ emailChannel: { enabled: true, address: null } })).thenFails({ code: 'CONVERSATION.NO_SENDING_ADDRESS', kind: 'conflict' });
    const withoutEmail = emailConversation.map((e) => (e.type === 'ConversationStarted' ? { ...e, data: { ...e.data, contact: { ...carla, email: '' } } } : e));
    given(conversationDecider, withoutEmail).when(reply()).thenFails({ code: 'CONVERSATION.CONTACT_HAS_NO_EMAIL', kind: 'conflict' });
  });

  it('stays on email whatever the visitor presence says', () => {
    expect(decided(emailConversation, reply({ visitorOnline: true })).map((e) => e.type)).toEqual(['ReplyQueued']);
  });

  it('knows no conversation that never started', () => {
    given(conversationDecider).when(reply()).thenFails({ code: 'NOT_FOUND' });
  });
});

describe('an agent replying to a chat', () => {
  it('posts the agent’s own words into the chat while the visitor is there', () => {
    given(conversationDecider, identifiedChat).when(reply({ visitorOnline: true })).then([posted]);
  });

  it('mails a visitor who left an email address and went', () => {
    const [queued] = decided(identifiedChat, reply());
    expect(queued).toMatchObject({ type: 'ReplyQueued', data: { messageId: 'r1', to: { name: 'Vic', address: 'vic@example.com' } } });
  });

  it('keeps the reply in the chat when email cannot reach the visitor, instead of refusing it', () => {
    given(conversationDecider, chat).when(reply()).then([posted]);
    given(conversationDecider, identifiedChat).when(reply({ emailChannel: { ...channelOn, enabled: false } })).then([posted]);
    given(conversationDecider, identifiedChat).when(reply({ emailChannel: { enabled: true, address: null } })).then([posted]);
  });

  it('records the same message once', () => {
    given(conversationDecider, [...chat, posted]).when(reply({ visitorOnline: true })).then([]);
  });

  it('refuses files for a reply that goes into the chat, and sends them when it goes by email', () => {
    const file = { hash: 'f'.repeat(64), size: 3, filename: 'a.pdf', contentType: 'application/pdf', contentId: null, inline: false };
    const withFile = (overrides: Partial<SendReply>) => reply({ ...overrides, email: { ...reply().email, attachments: [file] } });
    given(conversationDecider, identifiedChat).when(withFile({ visitorOnline: true })).thenFails({ field: 'attachmentIds', kind: 'invalid' });
    expect(decided(identifiedChat, withFile({}))).toMatchObject([{ type: 'ReplyQueued', data: { attachments: [file] } }]);
  });
});

describe('undo send', () => {
  it("holds an email reply for the account's delay: sendsAt is the end of the undo window", () => {
    const [queued] = decided(emailConversation, reply({ undoWindowMs: 10_000 }));
    expect(queued).toMatchObject({ type: 'ReplyQueued', data: { queuedAt: now.toISOString(), sendsAt: '2026-11-25T09:30:10.000Z' } });
  });

  it('has no window with a delay of 0, as before undo send', () => {
    const [queued] = decided(emailConversation, reply({ undoWindowMs: 0 }));
    expect(queued.type).toBe('ReplyQueued');
    expect('sendsAt' in queued.data).toBe(false);
  });

  it('never delays a line posted into a live chat', () => {
    expect(decided(chat, reply({ visitorOnline: true, undoWindowMs: 10_000 }))).toEqual([posted]);
  });
});
