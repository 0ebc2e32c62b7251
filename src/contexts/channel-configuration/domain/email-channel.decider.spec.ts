import { given } from '../../../shared/domain/decider.testing';
import { emailChannelDecider, type EmailChannelEvent } from './email-channel.decider';
import { hashOf, verifyChain } from './hash-chain';

const created: EmailChannelEvent = {
  type: 'EmailChannelCreated',
  data: { accountId: 'a1', defaultSubject: 'Follow-up from our conversation', fromName: '{{agent_name}} from Acme', previousHash: null },
};
const enabled: EmailChannelEvent = {
  type: 'EmailChannelEnabled',
  data: { accountId: 'a1', because: 'account_opened', previousHash: hashOf(created) },
};
const opened = [created, enabled];

describe('email channel decider', () => {
  it('opens the channel enabled, with defaults, because the account opened', () => {
    given(emailChannelDecider).when({ type: 'OpenEmailChannel', accountId: 'a1', accountName: 'Acme' }).then(opened);
  });

  it('opens only once', () => {
    given(emailChannelDecider, opened).when({ type: 'OpenEmailChannel', accountId: 'a1', accountName: 'Acme' }).then([]);
  });

  it('chains every new event to the last one', () => {
    given(emailChannelDecider, opened)
      .when({ type: 'ChangeEmailChannel', accountId: 'a1', enabled: false })
      .then([{ type: 'EmailChannelDisabled', data: { accountId: 'a1', previousHash: hashOf(enabled) } }]);
  });

  it('records only what changes, each as its own event, chained in order', () => {
    const events = emailChannelDecider.decide(
      { type: 'ChangeEmailChannel', accountId: 'a1', enabled: true, defaultSubject: 'About {{conversation_started_at}}', fromName: '{{agent_name}} from Acme' },
      opened.reduce(emailChannelDecider.evolve, emailChannelDecider.initialState()),
      undefined,
    );
    expect(events.map((e) => e.type)).toEqual(['DefaultSubjectChanged']);
    expect(verifyChain([...opened, ...events].map((e, revision) => ({ ...e, revision }))).intact).toBe(true);
  });

  it('refuses templates with a line break, an unknown token or nothing in them', () => {
    given(emailChannelDecider, opened).when({ type: 'ChangeEmailChannel', accountId: 'a1', defaultSubject: 'a\nb' }).thenFails({ field: 'defaultSubject' });
    given(emailChannelDecider, opened).when({ type: 'ChangeEmailChannel', accountId: 'a1', fromName: '{{name}}' }).thenFails({
      code: 'CHANNEL.TEMPLATE_UNKNOWN_TOKEN',
    });
    given(emailChannelDecider, opened)
      .when({ type: 'ChangeEmailChannel', accountId: 'a1', defaultSubject: '{{conversation_started_at}}' })
      .thenFails({ code: 'CHANNEL.TEMPLATE_EMPTY' });
  });

  it('switches plain text only replies on and off, chained, and only when it changes', () => {
    const on: EmailChannelEvent = { type: 'PlainTextOnlyChanged', data: { accountId: 'a1', plainTextOnly: true, previousHash: hashOf(enabled) } };
    given(emailChannelDecider, opened).when({ type: 'ChangeEmailChannel', accountId: 'a1', plainTextOnly: false }).then([]);
    given(emailChannelDecider, opened).when({ type: 'ChangeEmailChannel', accountId: 'a1', plainTextOnly: true }).then([on]);
    given(emailChannelDecider, [...opened, on]).when({ type: 'ChangeEmailChannel', accountId: 'a1', plainTextOnly: true }).then([]);
    given(emailChannelDecider, [...opened, on])
      .when({ type: 'ChangeEmailChannel', accountId: 'a1', plainTextOnly: false })
      .then([{ type: 'PlainTextOnlyChanged', data: { accountId: 'a1', plainTextOnly: false, previousHash: hashOf(on) } }]);
  });

  it("records the channel's signature as a chained event, and nothing when it is unchanged", () => {
    const changed: EmailChannelEvent = {
      type: 'ChannelSignatureChanged',
      data: { accountId: 'a1', signature: 'Acme support\n{{agent.email}}', previousHash: hashOf(enabled) },
    };
    given(emailChannelDecider, opened)
      .when({ type: 'ChangeEmailChannel', accountId: 'a1', signature: 'Acme support\r\n{{agent.email}}  \n' })
      .then([changed]);
    given(emailChannelDecider, [...opened, changed])
      .when({ type: 'ChangeEmailChannel', accountId: 'a1', signature: 'Acme support\n{{agent.email}}' })
      .then([]);
  });

  it('refuses a signature with an unknown variable, naming it', () => {
    given(emailChannelDecider, opened)
      .when({ type: 'ChangeEmailChannel', accountId: 'a1', signature: '{{company.name}}' })
      .thenFails({ field: 'signature', message: expect.stringMatching(/unknown variable \{\{company\.name\}\}/) });
  });

  it('starts with replies in the thread’s subject and quoting history, and records each switch as its own chained event', () => {
    const state = opened.reduce(emailChannelDecider.evolve, emailChannelDecider.initialState());
    expect(state).toMatchObject({ replySubject: 'thread', quoteHistory: true });
    given(emailChannelDecider, opened)
      .when({ type: 'ChangeEmailChannel', accountId: 'a1', replySubject: 'default', quoteHistory: false })
      .then([
        { type: 'ReplySubjectChanged', data: { accountId: 'a1', replySubject: 'default', previousHash: hashOf(enabled) } },
        {
          type: 'QuoteHistoryChanged',
          data: { accountId: 'a1', quoteHistory: false, previousHash: hashOf({ type: 'ReplySubjectChanged', data: { accountId: 'a1', replySubject: 'default', previousHash: hashOf(enabled) } }) },
        },
      ]);
  });

  it('records no switch that changes nothing, and refuses an unknown reply subject mode', () => {
    given(emailChannelDecider, opened).when({ type: 'ChangeEmailChannel', accountId: 'a1', replySubject: 'thread', quoteHistory: true }).then([]);
    const off: EmailChannelEvent = { type: 'QuoteHistoryChanged', data: { accountId: 'a1', quoteHistory: false, previousHash: hashOf(enabled) } };
    given(emailChannelDecider, [...opened, off]).when({ type: 'ChangeEmailChannel', accountId: 'a1', quoteHistory: false }).then([]);
    given(emailChannelDecider, opened)
      .when({ type: 'ChangeEmailChannel', accountId: 'a1', replySubject: 'original' as 'thread' })
      .thenFails({ field: 'replySubject', code: 'CHANNEL.REPLY_SUBJECT_UNKNOWN' });
  });

  it('cannot be changed before it is opened', () => {
    given(emailChannelDecider).when({ type: 'ChangeEmailChannel', accountId: 'a1', enabled: false }).thenFails({ code: 'CHANNEL.NOT_READY' });
  });

  it('records the forwarding address once; a different one is refused for ever', () => {
    const claim = { type: 'RecordForwardingAddress' as const, accountId: 'a1', address: 'support@acme.inbox.test', username: 'support', subdomain: 'acme' };
    const claimed: EmailChannelEvent = {
      type: 'ForwardingAddressClaimed',
      data: { accountId: 'a1', address: claim.address, username: 'support', subdomain: 'acme', previousHash: hashOf(enabled) },
    };
    given(emailChannelDecider, opened).when(claim).then([claimed]);
    given(emailChannelDecider, [...opened, claimed]).when(claim).then([]);
    given(emailChannelDecider, [...opened, claimed])
      .when({ ...claim, address: 'help@acme.inbox.test', username: 'help' })
      .thenFails({ code: 'CHANNEL.ADDRESS_ALREADY_SET' });
  });
});

describe('hash chain', () => {
  it('names the event after the one that was changed', () => {
    const stored: Array<{ revision: number; type: string; data: unknown }> = opened.map((e, revision) => ({ ...e, revision }));
    stored[0] = { ...stored[0], data: { ...created.data, defaultSubject: 'changed later' } };
    expect(verifyChain(stored)).toEqual({ intact: false, brokenAt: { revision: 1, type: 'EmailChannelEnabled' }, headHash: null });
  });
});
