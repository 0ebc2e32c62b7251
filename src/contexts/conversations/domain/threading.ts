import type { InboundMessage } from './conversation.decider';
import { contactTokenIn, conversationTokenIn, markerIn } from '../../../shared/domain/reply-address';

export interface ThreadCandidate {
  conversationId: string;
  participants: string[];
}

/** What threading may look up; answered from read models, passed in so the rule stays pure. */
export interface ThreadLookups {
  byInternetMessageId(messageId: string): ThreadCandidate | null;
  byReplyToken(token: string): ThreadCandidate | null;
  byThreadIndexRoot(root: string): ThreadCandidate | null;
  /**
   * The most recent conversation of the contact whose own reply address (`username+p…@`) the mail
   * was sent to; its participants are that contact alone, so anyone else starts a linked conversation.
   * Null for a token the server did not issue to this account (see reply-address). Participation is
   * still judged on the From header alone: trusting it only when SPF/DKIM/DMARC vouch for it is
   * sender verification's job (SPEC §3.11).
   */
  byContactToken?(token: string): ThreadCandidate | null;
}

/** The conversation part of an Outlook Thread-Index (its first 22 bytes), hex; null when malformed. */
export function threadIndexRoot(threadIndex: string | null): string | null {
  if (!threadIndex) return null;
  const bytes = Buffer.from(threadIndex.replace(/\s+/g, ''), 'base64');
  return bytes.length >= 22 ? bytes.subarray(0, 22).toString('hex') : null;
}

type MatchedBy = 'references' | 'thread-index' | 'reply-token' | 'marker' | 'bounce' | 'contact-token';

/** Why a mail that found a conversation started its own, linked one. */
export type LinkReason = 'sender-not-participant' | 'unverified-sender';

export type ThreadDecision =
  | { kind: 'join'; conversationId: string; matchedBy: MatchedBy }
  | { kind: 'start'; linkedTo: string | null; linkReason?: LinkReason }
  | { kind: 'unthreaded'; reason: string };

/**
 * Where an inbound mail belongs: the whole In-Reply-To/References chain first (and Outlook's
 * Thread-Index, for replies without them), then the reply token of the recipient address, then our
 * marker in the body (for providers that rewrite Message-IDs), then a contact's own reply address.
 * A match counts only when the sender takes part in that conversation; a stranger starts a new
 * conversation linked to it. Auto-replies and bounces join what they answer, or nothing.
 * `spoofable`: the mail failed DMARC for a domain that asks for quarantine or reject (see
 * failsEnforcedDmarc), so its From proves nothing: even a participant's address starts a linked
 * conversation, flagged so the thread warns.
 */
export function decideThread(
  message: InboundMessage & { bouncedMessageId?: string | null },
  bodyText: string,
  recipients: string[],
  sender: string | null,
  lookups: ThreadLookups,
  spoofable = false,
): ThreadDecision {
  const automatic = message.kind === 'auto-reply' || message.kind === 'bounce' || message.kind === 'feedback-report';
  const found = findCandidate(message, bodyText, recipients, lookups);
  if (automatic) {
    return found ? { kind: 'join', conversationId: found.candidate.conversationId, matchedBy: found.matchedBy } : { kind: 'unthreaded', reason: `${message.kind} that answers no known conversation` };
  }
  if (!sender) return { kind: 'unthreaded', reason: 'the mail names no sender (no From or Reply-To)' };
  if (!found) return { kind: 'start', linkedTo: null };
  if (!found.candidate.participants.includes(sender)) return { kind: 'start', linkedTo: found.candidate.conversationId, linkReason: 'sender-not-participant' };
  if (spoofable) return { kind: 'start', linkedTo: found.candidate.conversationId, linkReason: 'unverified-sender' };
  return { kind: 'join', conversationId: found.candidate.conversationId, matchedBy: found.matchedBy };
}

function findCandidate(
  message: InboundMessage & { bouncedMessageId?: string | null },
  bodyText: string,
  recipients: string[],
  lookups: ThreadLookups,
): { candidate: ThreadCandidate; matchedBy: MatchedBy } | null {
  if (message.bouncedMessageId) {
    const candidate = lookups.byInternetMessageId(message.bouncedMessageId);
    if (candidate) return { candidate, matchedBy: 'bounce' };
  }
  // Newest first: In-Reply-To, then References from the end.
  for (const id of [...message.references].reverse()) {
    const candidate = lookups.byInternetMessageId(id);
    if (candidate) return { candidate, matchedBy: 'references' };
  }
  const root = threadIndexRoot(message.threadIndex);
  const byIndex = root ? lookups.byThreadIndexRoot(root) : null;
  if (byIndex) return { candidate: byIndex, matchedBy: 'thread-index' };
  for (const recipient of recipients) {
    const token = conversationTokenIn(recipient);
    const candidate = token ? lookups.byReplyToken(token) : null;
    if (candidate) return { candidate, matchedBy: 'reply-token' };
  }
  // The marker sits in our quoted text, so the whole body is searched, not just the new part.
  const marker = markerIn(bodyText);
  const candidate = marker ? lookups.byReplyToken(marker) : null;
  if (candidate) return { candidate, matchedBy: 'marker' };
  // Least specific last: a contact's own address says who, not which conversation (campaign replies).
  for (const recipient of recipients) {
    const token = contactTokenIn(recipient);
    const byContact = token && lookups.byContactToken ? lookups.byContactToken(token) : null;
    if (byContact) return { candidate: byContact, matchedBy: 'contact-token' };
  }
  return null;
}
