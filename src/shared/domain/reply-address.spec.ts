import {
  contactOfReplyToken,
  contactPrefixOf,
  contactReplyAddress,
  contactReplyToken,
  contactTokenIn,
  conversationTokenIn,
  hasTagSeparator,
  markerFor,
  markerIn,
  plusAddress,
  replyTokenFor,
  unkeyedContactToken,
  withoutTag,
} from './reply-address';

const conversationId = '0123abcd-0123-4abc-8def-0123456789ab';
const contactId = '0f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9';

describe("a conversation's reply token", () => {
  it('is c and the first 20 hex digits of the conversation id, as replies already sent carry it', () => {
    expect(replyTokenFor(conversationId)).toBe('c0123abcd01234abc8def');
    expect(plusAddress('help@acme.inbox.test', replyTokenFor(conversationId))).toBe('help+c0123abcd01234abc8def@acme.inbox.test');
    expect(markerFor(replyTokenFor(conversationId))).toBe('[ref:c0123abcd01234abc8def]');
  });

  it('round-trips through the Reply-To address and the body marker, whatever the case the mail brings back', () => {
    // Given the token of a conversation
    const token = replyTokenFor(conversationId);
    // When it comes back in a recipient address or in quoted text
    const fromAddress = conversationTokenIn(plusAddress('Help@Acme.inbox.test', token.toUpperCase()));
    const fromBody = markerIn(`Thanks!\n\n> Your order ships today.\n> ${markerFor(token)}`);
    // Then it is read as the same token
    expect(fromAddress).toBe(token);
    expect(fromBody).toBe(token);
  });

  it('is not read from malformed tags or markers', () => {
    const token = replyTokenFor(conversationId);
    expect(conversationTokenIn('help@acme.inbox.test')).toBeNull();
    expect(conversationTokenIn(plusAddress('help@acme.inbox.test', token.slice(0, -1)))).toBeNull();
    expect(conversationTokenIn(plusAddress('help@acme.inbox.test', `${token}0`))).toBeNull();
    expect(conversationTokenIn(plusAddress('help@acme.inbox.test', `x${token.slice(1)}`))).toBeNull();
    expect(conversationTokenIn(`help+x+${token}@acme.inbox.test`)).toBeNull();
    expect(conversationTokenIn(plusAddress('help@acme.inbox.test', contactReplyToken('secret', 'a1', contactId)))).toBeNull();
    expect(markerIn(`[ref:${token.slice(0, -1)}]`)).toBeNull();
    expect(markerIn(`ref:${token}`)).toBeNull();
  });
});

describe("a contact's reply address", () => {
  it('round-trips to the contact for the account and secret that made it', () => {
    // Given a contact's reply address
    const address = contactReplyAddress('help@acme.inbox.test', 'secret', 'a1', contactId);
    // When mail comes back to it
    const token = contactTokenIn(address) as string;
    // Then it names the contact, and the address is the forwarding address with that tag
    expect(address).toBe(plusAddress('help@acme.inbox.test', token));
    expect(token).toBe(contactReplyToken('secret', 'a1', contactId));
    expect(contactOfReplyToken('secret', 'a1', token)).toBe(contactPrefixOf(contactId));
    expect(contactOfReplyToken('secret', 'a1', token.toUpperCase())).toBe(contactPrefixOf(contactId));
  });

  it('is refused when forged: another account, another secret, a changed MAC or another contact behind the MAC', () => {
    const token = contactReplyToken('secret', 'a1', contactId);
    expect(contactOfReplyToken('secret', 'a2', token)).toBeNull();
    expect(contactOfReplyToken('other', 'a1', token)).toBeNull();
    expect(contactOfReplyToken('secret', 'a1', `${token.slice(0, -1)}${token.endsWith('0') ? '1' : '0'}`)).toBeNull();
    const someoneElse = unkeyedContactToken('ffffffff-4b5a-4978-8695-a4b3c2d1e0f9');
    expect(contactOfReplyToken('secret', 'a1', `${someoneElse}${token.slice(-12)}`)).toBeNull();
  });

  it('is refused when malformed', () => {
    const token = contactReplyToken('secret', 'a1', contactId);
    for (const malformed of ['', 'p', token.slice(0, -1), `${token}0`, `c${token.slice(1)}`, `${token.slice(0, -1)}g`]) {
      expect(contactOfReplyToken('secret', 'a1', malformed)).toBeNull();
    }
    expect(contactTokenIn(`help+${token.slice(0, -1)}@acme.inbox.test`)).toBeNull();
    expect(contactTokenIn(`help+${token}x@acme.inbox.test`)).toBeNull();
  });

  it('reads the old unkeyed contact token as no token', () => {
    const old = unkeyedContactToken(contactId);
    expect(contactTokenIn(plusAddress('help@acme.inbox.test', old))).toBeNull();
    expect(contactOfReplyToken('secret', 'a1', old)).toBeNull();
  });
});

describe('plus-address tags', () => {
  it('are stripped to the bare address, and a bare address stays as it is', () => {
    expect(withoutTag(plusAddress('help@acme.inbox.test', replyTokenFor(conversationId)))).toBe('help@acme.inbox.test');
    expect(withoutTag(contactReplyAddress('help@acme.inbox.test', 'secret', 'a1', contactId))).toBe('help@acme.inbox.test');
    expect(withoutTag('help+anything.at-all@acme.inbox.test')).toBe('help@acme.inbox.test');
    expect(withoutTag('help+@acme.inbox.test')).toBe('help@acme.inbox.test');
    expect(withoutTag('help@acme.inbox.test')).toBe('help@acme.inbox.test');
  });

  it('are separated by a character that no forwarding username may hold', () => {
    expect(hasTagSeparator('help+me')).toBe(true);
    expect(hasTagSeparator('help.me')).toBe(false);
  });
});
