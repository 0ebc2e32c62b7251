import type { InboundMessage } from './conversation.decider';
import { inboundMessage } from './inbound-message.testing';
import { contactReplyToken, markerFor, plusAddress, replyTokenFor } from '../../../shared/domain/reply-address';
import { decideThread, threadIndexRoot, type ThreadLookups } from './threading';

/** A reply from Carla (m2), as threading sees it. */
const message = (overrides: Partial<InboundMessage> = {}): InboundMessage => inboundMessage('m2', { subject: 'Re: x', replyText: '', to: [], cc: [], ...overrides });

const support = 'support@acme.inbox.test';
const known = { conversationId: 'c1', participants: ['carla@example.com', 'dan@example.com'] };
const lookups = (entries: Record<string, typeof known> = {}): ThreadLookups => ({
  byInternetMessageId: (id) => entries[`id:${id}`] ?? null,
  byReplyToken: (token) => entries[`token:${token}`] ?? null,
  byThreadIndexRoot: (root) => entries[`root:${root}`] ?? null,
});

describe('decideThread', () => {
  it('joins by the newest known id of the References chain', () => {
    const decision = decideThread(message({ references: ['<old@x>', '<m1@example.com>'] }), '', [], 'carla@example.com', lookups({ 'id:<m1@example.com>': known }));
    expect(decision).toEqual({ kind: 'join', conversationId: 'c1', matchedBy: 'references' });
  });

  it('joins by the reply token of a plus address, then by the marker in the body', () => {
    const token = replyTokenFor('0123abcd-0123-4abc-8def-0123456789ab');
    expect(decideThread(message(), '', [plusAddress(support, token)], 'carla@example.com', lookups({ [`token:${token}`]: known }))).toMatchObject({
      kind: 'join',
      matchedBy: 'reply-token',
    });
    expect(decideThread(message(), `> quoted\n> ${markerFor(token)}`, [], 'carla@example.com', lookups({ [`token:${token}`]: known }))).toMatchObject({
      kind: 'join',
      matchedBy: 'marker',
    });
  });

  it('joins an Outlook reply by its Thread-Index root', () => {
    const root = Buffer.alloc(22, 7);
    const reply = Buffer.concat([root, Buffer.alloc(5, 1)]).toString('base64');
    expect(threadIndexRoot(reply)).toBe(root.toString('hex'));
    expect(decideThread(message({ threadIndex: reply }), '', [], 'carla@example.com', lookups({ [`root:${root.toString('hex')}`]: known }))).toMatchObject({
      kind: 'join',
      matchedBy: 'thread-index',
    });
  });

  it('starts a new conversation linked to the match when the sender is not a participant', () => {
    expect(decideThread(message({ references: ['<m1@example.com>'] }), '', [], 'eve@elsewhere.example', lookups({ 'id:<m1@example.com>': known }))).toEqual({
      kind: 'start',
      linkedTo: 'c1',
      linkReason: 'sender-not-participant',
    });
  });

  it('starts a linked conversation, flagged unverified, when a participant address comes on mail failing an enforced DMARC policy', () => {
    const reply = message({ references: ['<m1@example.com>'] });
    expect(decideThread(reply, '', [], 'carla@example.com', lookups({ 'id:<m1@example.com>': known }), true)).toEqual({
      kind: 'start',
      linkedTo: 'c1',
      linkReason: 'unverified-sender',
    });
    // The same mail, vouched for (or from a domain without a policy), joins as before.
    expect(decideThread(reply, '', [], 'carla@example.com', lookups({ 'id:<m1@example.com>': known }), false)).toMatchObject({ kind: 'join', conversationId: 'c1' });
    // Nothing to join: an unverified sender starts an ordinary conversation; auto-replies still join what they answer.
    expect(decideThread(message(), '', [], 'carla@example.com', lookups(), true)).toEqual({ kind: 'start', linkedTo: null });
    expect(decideThread(message({ kind: 'auto-reply', references: ['<m1@example.com>'] }), '', [], 'carla@example.com', lookups({ 'id:<m1@example.com>': known }), true)).toMatchObject({ kind: 'join' });
  });

  it('starts a new conversation when nothing matches', () => {
    expect(decideThread(message(), '', [], 'carla@example.com', lookups())).toEqual({ kind: 'start', linkedTo: null });
  });

  it('lets an auto-reply join what it answers whoever sent it, and never start a conversation', () => {
    const auto = message({ kind: 'auto-reply', references: ['<m1@example.com>'] });
    expect(decideThread(auto, '', [], 'robot@example.com', lookups({ 'id:<m1@example.com>': known }))).toMatchObject({ kind: 'join' });
    expect(decideThread({ ...auto, references: [] }, '', [], 'robot@example.com', lookups())).toMatchObject({ kind: 'unthreaded' });
  });

  it('places a bounce by the Message-ID of the undelivered message', () => {
    const bounce = { ...message({ kind: 'bounce' }), bouncedMessageId: '<ours.1@acme.inbox.test>' };
    expect(decideThread(bounce, '', [], 'mailer-daemon@example.com', lookups({ 'id:<ours.1@acme.inbox.test>': known }))).toEqual({
      kind: 'join',
      conversationId: 'c1',
      matchedBy: 'bounce',
    });
  });

  it('has nowhere to put a mail without a sender', () => {
    expect(decideThread(message({ from: null }), '', [], null, lookups())).toMatchObject({ kind: 'unthreaded' });
  });
});

describe("a contact's own reply address", () => {
  const token = contactReplyToken('secret', 'a1', '0f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9');
  const withContact = (candidate: typeof known | null): ThreadLookups => ({ ...lookups(), byContactToken: (t) => (t === token ? candidate : null) });
  const ofCarla = { conversationId: 'c9', participants: ['carla@example.com'] };

  it("puts the contact's reply into their latest conversation", () => {
    expect(decideThread(message({ references: ['<campaign@mailer.example>'] }), '', [plusAddress(support, token)], 'carla@example.com', withContact(ofCarla))).toEqual({
      kind: 'join',
      conversationId: 'c9',
      matchedBy: 'contact-token',
    });
  });

  it('starts a linked conversation for anyone else, and a new one when the contact has none', () => {
    expect(decideThread(message(), '', [plusAddress(support, token)], 'dan@example.com', withContact(ofCarla))).toEqual({ kind: 'start', linkedTo: 'c9', linkReason: 'sender-not-participant' });
    expect(decideThread(message(), '', [plusAddress(support, token)], 'carla@example.com', withContact(null))).toEqual({ kind: 'start', linkedTo: null });
  });

  it("yields to the conversation's own reply token", () => {
    const conversationToken = replyTokenFor('0123abcd-0123-4abc-8def-0123456789ab');
    const both = { ...withContact(ofCarla), byReplyToken: (t: string) => (t === conversationToken ? known : null) };
    expect(decideThread(message(), '', [plusAddress(support, token), plusAddress(support, conversationToken)], 'carla@example.com', both)).toMatchObject({
      conversationId: 'c1',
      matchedBy: 'reply-token',
    });
  });
});
