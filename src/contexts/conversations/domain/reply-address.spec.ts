import { contactOfReplyToken, contactReplyAddress, contactReplyToken, contactTokenIn, conversationTokenIn, markerFor, markerIn, replyTokenFor } from './reply-address';

const contactId = '0f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9';

describe('reply addresses', () => {
  it("compose and parse a conversation's token and marker", () => {
    const token = replyTokenFor('0123abcd-0123-4abc-8def-0123456789ab');
    expect(token).toBe('c0123abcd01234abc8def');
    expect(conversationTokenIn(`Help+${token.toUpperCase()}@acme.inbox.test`)).toBe(token);
    expect(markerIn(`> quoted\n> ${markerFor(token)}`)).toBe(token);
  });

  it("give a contact an address only the server secret can make, per account", () => {
    const address = contactReplyAddress('help@acme.inbox.test', 'secret', 'a1', contactId);
    const token = contactTokenIn(address) as string;
    expect(address).toBe(`help+${token}@acme.inbox.test`);
    expect(token).toBe(contactReplyToken('secret', 'a1', contactId));
    expect(contactOfReplyToken('secret', 'a1', token)).toBe('0f1e2d3c4b5a49788695');
    expect(contactOfReplyToken('secret', 'a2', token)).toBeNull();
    expect(contactOfReplyToken('other', 'a1', token)).toBeNull();
    expect(contactOfReplyToken('secret', 'a1', `${token.slice(0, -1)}${token.endsWith('0') ? '1' : '0'}`)).toBeNull();
  });

  it('read the old unkeyed contact token as no token', () => {
    const old = `p${contactId.replace(/-/g, '').slice(0, 20)}`;
    expect(contactTokenIn(`help+${old}@acme.inbox.test`)).toBeNull();
    expect(contactOfReplyToken('secret', 'a1', old)).toBeNull();
  });
});
