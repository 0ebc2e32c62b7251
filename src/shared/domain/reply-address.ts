import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The grammar of our reply addresses, composed and parsed here alone: the tag on a forwarding
 * address (`username+<tag>@…`) and the body marker. Three contexts share it (ChannelConfiguration
 * owns the address, Conversations threads and replies by its tags, Contacts shows a contact's own
 * address), so it sits in the shared kernel and imports nothing but node built-ins.
 *
 * - Any tag routes like the bare forwarding address (an address is claimed without tags, and a
 *   username can never contain the separator).
 * - `c` + 20 hex digits of the conversation id: a conversation's Reply-To and `[ref:…]` marker. It
 *   only says which conversation; threading still asks whether the sender takes part in it.
 * - `p` + 20 hex digits of the contact id + 12 hex digits of a MAC keyed with the server secret: a
 *   contact's own reply address, for campaign mail. Contact ids follow from public data (account and
 *   email), so without the key anyone could compute a customer's address; with it, nobody can.
 *   The earlier unkeyed form (`p` + 20 hex digits) still routes to the account like any tag,
 *   but threads like mail to the bare address: it proves nothing.
 */
const TAG_SEPARATOR = '+';

/** Whether a username (or address) carries the tag separator, which forwarding usernames must not. */
export const hasTagSeparator = (username: string): boolean => username.includes(TAG_SEPARATOR);

/** The address without its tag: `help+anything@x` → `help@x`; an address without a tag is returned as is. */
export const withoutTag = (address: string): string => address.replace(/\+[^@]*@/, '@');

/** A conversation's token: what its Reply-To carries and its marker names. */
export const replyTokenFor = (conversationId: string) => `c${hexOf(conversationId).slice(0, 20)}`;

/** The address with `token` as its tag: `help@x` → `help+<token>@x`. */
export function plusAddress(address: string, token: string): string {
  const at = address.lastIndexOf('@');
  return `${address.slice(0, at)}${TAG_SEPARATOR}${token}${address.slice(at)}`;
}

export const markerFor = (replyToken: string) => `[ref:${replyToken}]`;

const MARKER = /\[ref:(c[0-9a-f]{20})\]/i;
const CONVERSATION_TOKEN = /^[^+@\s]+\+(c[0-9a-f]{20})@/i;
const CONTACT_TOKEN = /^[^+@\s]+\+(p[0-9a-f]{32})@/i;

/** The conversation token a recipient address carries, lowercase; null without one. */
export const conversationTokenIn = (recipient: string): string | null => CONVERSATION_TOKEN.exec(recipient)?.[1].toLowerCase() ?? null;

/** The conversation token of our marker anywhere in a body (quoted text included). */
export const markerIn = (body: string): string | null => MARKER.exec(body)?.[1].toLowerCase() ?? null;

/** A contact token a recipient address carries, unchecked; see contactOfReplyToken. */
export const contactTokenIn = (recipient: string): string | null => CONTACT_TOKEN.exec(recipient)?.[1].toLowerCase() ?? null;

/** What a contact token names of the contact: the first 20 hex digits of its id. */
export const contactPrefixOf = (contactId: string) => hexOf(contactId).slice(0, 20);

/** The contact token earlier builds handed out, without a MAC: recognised as no token at all. */
export const unkeyedContactToken = (contactId: string) => `p${contactPrefixOf(contactId)}`;

export function contactReplyToken(secret: string, accountId: string, contactId: string): string {
  return `${unkeyedContactToken(contactId)}${contactMac(secret, accountId, contactPrefixOf(contactId))}`;
}

export function contactReplyAddress(forwardingAddress: string, secret: string, accountId: string, contactId: string): string {
  return plusAddress(forwardingAddress, contactReplyToken(secret, accountId, contactId));
}

/** The contact id prefix (20 hex digits) a contact token names, when the server issued it for this account. */
export function contactOfReplyToken(secret: string, accountId: string, token: string): string | null {
  const match = /^p([0-9a-f]{20})([0-9a-f]{12})$/.exec(token.toLowerCase());
  if (!match) return null;
  const expected = Buffer.from(contactMac(secret, accountId, match[1]));
  const presented = Buffer.from(match[2]);
  return timingSafeEqual(expected, presented) ? match[1] : null;
}

function contactMac(secret: string, accountId: string, contactPrefix: string): string {
  return createHmac('sha256', secret).update(`contact-reply:${accountId}:${contactPrefix}`).digest('hex').slice(0, 12);
}

const hexOf = (uuid: string) => uuid.replace(/-/g, '');
