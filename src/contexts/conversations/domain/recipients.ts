import { InvalidInput } from '../../../shared/domain/domain-error';
import { mailAddressOf } from '../../inbound-mail/contract';
import type { MessageAddress } from './mail-types';
import { isOwnAddress, participantsOf } from './participants';

/**
 * Replies stay transactional: the contact and a few people the agent names, never a list. The
 * limit counts every recipient of one message: To, Cc and Bcc.
 */
export const MAX_RECIPIENTS = 10;

/** The copies of a reply as the agent typed them: one address per entry. */
export interface CopiesInput {
  cc?: readonly string[];
  bcc?: readonly string[];
}

export interface Copies {
  cc: MessageAddress[];
  bcc: MessageAddress[];
}

/** Who a message may not be copied to: its main recipient, and our own addresses. */
export interface CopyExclusions {
  to: string;
  ownDomain: string;
  /** The channel's sending address (which may sit on a domain of the account's own). */
  sendingAddress: string | null;
}

/**
 * The Cc and Bcc of a reply: each entry one plain address (the intake's address rule; a group, a
 * list or `Name <address>` is refused), lowercased and named once (Cc wins over Bcc), without the
 * To or any address of ours; at most MAX_RECIPIENTS with the To. Errors name the field.
 */
export function copiesOf(input: CopiesInput, exclusions: CopyExclusions): Copies {
  const skip = new Set([exclusions.to.toLowerCase(), ...(exclusions.sendingAddress ? [exclusions.sendingAddress.toLowerCase()] : [])]);
  const cc = addressesOf('cc', input.cc ?? [], skip, exclusions.ownDomain);
  for (const person of cc) skip.add(person.address);
  const bcc = addressesOf('bcc', input.bcc ?? [], skip, exclusions.ownDomain);
  if (1 + cc.length + bcc.length > MAX_RECIPIENTS) {
    const field = 1 + cc.length > MAX_RECIPIENTS ? 'cc' : 'bcc';
    throw new InvalidInput(field, `${field}: at most ${MAX_RECIPIENTS} recipients in all (To, Cc and Bcc); this reply has ${1 + cc.length + bcc.length}`, 'REPLY.TOO_MANY_RECIPIENTS');
  }
  return { cc, bcc };
}

/** One address a message may go to on its own (a forward's To): plain, deliverable, not ours. */
export function singleRecipientOf(field: string, value: string, ownDomain: string, sendingAddress: string | null): MessageAddress {
  const person = plainAddressOf(field, value);
  if (isOwnAddress(person.address, ownDomain) || person.address === sendingAddress?.toLowerCase()) {
    throw new InvalidInput(field, `${field} must not be an address of this inbox`, 'REPLY.OWN_ADDRESS');
  }
  return person;
}

function addressesOf(field: 'cc' | 'bcc', values: readonly string[], skip: Set<string>, ownDomain: string): MessageAddress[] {
  const result: MessageAddress[] = [];
  for (const value of values) {
    const person = plainAddressOf(field, value);
    if (skip.has(person.address) || isOwnAddress(person.address, ownDomain)) continue;
    skip.add(person.address);
    result.push(person);
  }
  return result;
}

function plainAddressOf(field: string, value: string): MessageAddress {
  const person = typeof value === 'string' ? mailAddressOf({ name: '', address: value }) : null;
  if (!person) {
    const shown = typeof value === 'string' ? value.slice(0, 80) : String(value);
    throw new InvalidInput(field, `${field}: "${shown}" is not an email address (one plain address per entry, like name@example.com; no groups or lists)`, 'REPLY.INVALID_ADDRESS');
  }
  return person;
}

/** Who wrote a message, as the thread shows it: the contact, someone on the conversation, or a third party a message was forwarded to. */
export type Party = 'contact' | 'participant' | 'third-party';

export function partyOf(sender: string | null, contactEmail: string, thirdParties: ReadonlySet<string>): Party {
  const address = sender?.toLowerCase() ?? '';
  if (address !== '' && address === contactEmail.toLowerCase()) return 'contact';
  return thirdParties.has(address) ? 'third-party' : 'participant';
}

interface SuggestionSource {
  direction: string;
  kind: string;
  from: MessageAddress | null;
  to: readonly MessageAddress[];
  cc: readonly MessageAddress[];
}

/**
 * The Cc a reply starts with: the other people on the newest mail a person (not a third party
 * answering a forward) sent in: its sender, To and Cc, without the contact and our addresses.
 */
export function suggestedCc(messages: readonly SuggestionSource[], contactEmail: string, ownDomain: string, thirdParties: ReadonlySet<string>): string[] {
  const latest = [...messages].reverse().find((m) => m.direction === 'inbound' && m.kind === 'mail' && !thirdParties.has(m.from?.address ?? ''));
  if (!latest) return [];
  const contact = contactEmail.toLowerCase();
  return participantsOf({ from: latest.from, to: [...latest.to], cc: [...latest.cc] }, ownDomain)
    .filter((address) => address !== contact)
    .slice(0, MAX_RECIPIENTS - 1);
}
