import { given } from '../../../shared/domain/decider.testing';
import { conversationDecider, type ConversationEvent, type SendReply } from './conversation.decider';
import { inboundMessage } from './inbound-message.testing';
import { copiesOf, MAX_RECIPIENTS, partyOf, suggestedCc } from './recipients';

const exclusions = { to: 'carla@example.com', ownDomain: 'inbox.test', sendingAddress: 'support@acme.inbox.test' };
const person = (address: string, name = '') => ({ name, address });

describe('the copies of a reply', () => {
  it('are plain addresses, lowercased, once each (Cc wins), without the contact or our own addresses', () => {
    expect(
      copiesOf(
        { cc: [' Dan@Example.com', 'dan@example.com', 'CARLA@example.com', 'support@acme.inbox.test', 'ops+x@inbox.test'], bcc: ['dan@example.com', 'boss@example.com'] },
        exclusions,
      ),
    ).toEqual({ cc: [person('dan@example.com')], bcc: [person('boss@example.com')] });
  });

  it.each([
    ['cc', { cc: ['not an address'] }],
    ['cc', { cc: ['Dan <dan@example.com>'] }],
    ['cc', { cc: ['dan@example.com, eve@example.com'] }],
    ['bcc', { bcc: ['team: dan@example.com, eve@example.com;'] }],
    ['bcc', { bcc: [''] }],
  ])('refuse anything but one plain address per entry, naming the field (%s)', (field, input) => {
    expect(() => copiesOf(input, exclusions)).toThrow(expect.objectContaining({ field, code: 'REPLY.INVALID_ADDRESS' }));
  });

  it(`count To, Cc and Bcc together: ${MAX_RECIPIENTS} in all pass, one more is refused naming the field that went over`, () => {
    const many = (n: number, prefix: string) => Array.from({ length: n }, (_, i) => `${prefix}${i}@example.com`);
    expect(copiesOf({ cc: many(5, 'c'), bcc: many(4, 'b') }, exclusions).bcc).toHaveLength(4);
    expect(() => copiesOf({ cc: many(5, 'c'), bcc: many(5, 'b') }, exclusions)).toThrow(expect.objectContaining({ field: 'bcc', code: 'REPLY.TOO_MANY_RECIPIENTS' }));
    expect(() => copiesOf({ cc: many(10, 'c') }, exclusions)).toThrow(expect.objectContaining({ field: 'cc' }));
    // Duplicates and dropped addresses do not count.
    expect(copiesOf({ cc: [...many(9, 'c'), ...many(9, 'c'), 'carla@example.com'] }, exclusions).cc).toHaveLength(9);
  });
});

const on = { conversationId: 'c1', accountId: 'a1' };
const now = new Date('2026-11-25T09:30:00.000Z');
const channelOn = { enabled: true, address: 'support@acme.inbox.test' };
const carla = { id: 'k1', email: 'carla@example.com', name: 'Carla' };
const send = (overrides: Partial<SendReply> = {}): SendReply => ({
  type: 'SendReply',
  ...on,
  messageId: 'r1',
  author: { id: 'u1', name: 'Anna' },
  text: 'See below',
  email: { fromName: 'Anna from Acme', subject: 'Re: Broken zipper', text: 'See below', html: '<p>See below</p>' },
  emailChannel: channelOn,
  visitorOnline: false,
  ownDomain: 'inbox.test',
  now,
  ...overrides,
});
const started = conversationDecider.decide(
  { type: 'StartConversation', ...on, contact: carla, linkedTo: null, message: inboundMessage('m1'), ownDomain: 'inbox.test' },
  conversationDecider.initialState(),
  undefined,
);
const fold = (events: ConversationEvent[]) => events.reduce(conversationDecider.evolve, conversationDecider.initialState());

describe('a reply with Cc and Bcc', () => {
  it('records the cleaned copies, and everyone it went to becomes a participant', () => {
    const queued = conversationDecider.decide(send({ copies: { cc: ['Dan@example.com', 'carla@example.com'], bcc: ['boss@example.com'] } }), fold(started), undefined);
    expect(queued).toMatchObject([{ type: 'ReplyQueued', data: { to: { address: 'carla@example.com' }, cc: [person('dan@example.com')], bcc: [person('boss@example.com')] } }]);
    expect(fold([...started, ...queued]).participants).toEqual(['carla@example.com', 'dan@example.com', 'boss@example.com']);
  });

  it('is refused with a bad address, naming the field', () => {
    given(conversationDecider, started).when(send({ copies: { bcc: ['boss@'] } })).thenFails({ field: 'bcc', code: 'REPLY.INVALID_ADDRESS' });
  });
});

describe('a forward', () => {
  const forward = (to: string, messageIds = ['m1']) => send({ messageId: 'f1', email: { fromName: 'Anna from Acme', subject: 'Fwd: Broken zipper', text: 'FYI', html: '<p>FYI</p>' }, forward: { to, messageIds } });

  it('goes to the third party alone, quoting the chosen messages, in a thread of its own', () => {
    const [queued] = conversationDecider.decide(forward('Repair@Example.org'), fold(started), undefined);
    expect(queued).toMatchObject({
      type: 'ReplyQueued',
      data: { messageId: 'f1', to: person('repair@example.org'), subject: 'Fwd: Broken zipper', inReplyTo: null, references: [], forward: { messageIds: ['m1'] } },
    });
    expect(queued.data).not.toHaveProperty('cc');
  });

  it("makes the third party a participant whose answer is not what the contact's next reply answers", () => {
    const forwarded = conversationDecider.decide(forward('repair@example.org'), fold(started), undefined);
    const answer = inboundMessage('m2', { from: person('repair@example.org'), cc: [], internetMessageId: '<answer@example.org>', references: ['<rf1@inbox.test>'] });
    const received = conversationDecider.decide({ type: 'ReceiveMessage', ...on, message: answer, ownDomain: 'inbox.test' }, fold([...started, ...forwarded]), undefined);
    const state = fold([...started, ...forwarded, ...received]);
    expect(state.participants).toContain('repair@example.org');
    expect(state.contact).toEqual(carla);
    expect(state.lastInboundMessageId).toBe('<m1@example.com>');
    const [next] = conversationDecider.decide(send({ messageId: 'r2' }), state, undefined);
    expect(next).toMatchObject({ data: { inReplyTo: '<m1@example.com>', references: ['<m1@example.com>', '<answer@example.org>'] } });
  });

  it('is refused to the contact, to our own addresses, to a bad address, or of a message not in the conversation', () => {
    given(conversationDecider, started).when(forward('carla@example.com')).thenFails({ field: 'to', code: 'FORWARD.TO_CONTACT' });
    given(conversationDecider, started).when(forward('other+x@acme.inbox.test')).thenFails({ field: 'to', code: 'REPLY.OWN_ADDRESS' });
    given(conversationDecider, started).when(forward('a, b@example.org')).thenFails({ field: 'to', code: 'REPLY.INVALID_ADDRESS' });
    given(conversationDecider, started).when(forward('repair@example.org', ['m9'])).thenFails({ code: 'NOT_FOUND' });
  });
});

describe('the thread and the composer', () => {
  const thirdParties = new Set(['repair@example.org']);
  it('tell the contact, the people on the conversation and third parties apart', () => {
    expect(partyOf('Carla@example.com', 'carla@example.com', thirdParties)).toBe('contact');
    expect(partyOf('dan@example.com', 'carla@example.com', thirdParties)).toBe('participant');
    expect(partyOf('repair@example.org', 'carla@example.com', thirdParties)).toBe('third-party');
  });

  it("suggest as Cc the others on the newest person's mail, not a third party's, without the contact or us", () => {
    const mail = (from: string, to: string[], cc: string[]) => ({ direction: 'inbound', kind: 'mail', from: person(from), to: to.map((a) => person(a)), cc: cc.map((a) => person(a)) });
    const messages = [
      mail('carla@example.com', ['support@acme.inbox.test', 'eve@example.com'], ['dan@example.com', 'support+c1@acme.inbox.test']),
      { direction: 'outbound', kind: 'mail', from: person('support@acme.inbox.test'), to: [person('repair@example.org')], cc: [] },
      mail('repair@example.org', ['support+c1@acme.inbox.test'], ['boss@example.org']),
    ];
    expect(suggestedCc(messages, 'carla@example.com', 'inbox.test', thirdParties)).toEqual(['eve@example.com', 'dan@example.com']);
    expect(suggestedCc([], 'carla@example.com', 'inbox.test', thirdParties)).toEqual([]);
  });
});
