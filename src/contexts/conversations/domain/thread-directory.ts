import { conversationDecider, type ConversationCommand, type ConversationEvent } from './conversation.decider';
import { participantsAddedBy } from './participants';
import { contactPrefixOf } from '../../../shared/domain/reply-address';
import { threadIndexRoot } from './threading';

/**
 * What a mail can name a conversation by: an Internet Message-ID (ours or a customer's), the root
 * of an Outlook Thread-Index, or a conversation's reply token (its plus-address and body marker).
 */
export type ThreadKeyKind = 'message' | 'thread-index' | 'token';

/**
 * One fact of threading's directory: a key naming a conversation (the first conversation to claim
 * a key keeps it), people taking part in a conversation (they only ever join), or the contact a
 * conversation is with (the contact's latest conversation answers a contact reply token).
 */
export type DirectoryEntry =
  | { kind: 'key'; accountId: string; keyKind: ThreadKeyKind; key: string; conversationId: string }
  | { kind: 'participants'; accountId: string; conversationId: string; addresses: string[] }
  | { kind: 'contact'; accountId: string; conversationId: string; contactPrefix: string; email: string; startedAt: string };

/** The conversation events that change what the directory answers. */
export const DIRECTORY_EVENT_TYPES = ['ConversationStarted', 'MessageReceived', 'ReplyQueued', 'ChatVisitorIdentified'] as const;

/** What an event tells the directory; nothing for events it does not know. */
export function directoryEntriesOf(event: { type: string; data: unknown }): DirectoryEntry[] {
  const known = event as ConversationEvent;
  const added = participantsAddedBy(known);
  switch (known.type) {
    case 'ConversationStarted': {
      const { accountId, conversationId, replyToken, contact, startedAt } = known.data;
      return [
        { kind: 'key', accountId, keyKind: 'token', key: replyToken, conversationId },
        ...participating(accountId, conversationId, added),
        { kind: 'contact', accountId, conversationId, contactPrefix: contactPrefixOf(contact.id), email: contact.email, startedAt },
      ];
    }
    case 'MessageReceived': {
      const { accountId, conversationId, message } = known.data;
      return [...messageKeys(accountId, conversationId, message.internetMessageId, message.threadIndex), ...participating(accountId, conversationId, added)];
    }
    case 'ReplyQueued': {
      const { accountId, conversationId, internetMessageId, threadIndex } = known.data;
      return [...messageKeys(accountId, conversationId, internetMessageId, threadIndex), ...participating(accountId, conversationId, added)];
    }
    case 'ChatVisitorIdentified': {
      const { accountId, conversationId, contact, startedAt } = known.data;
      return [
        ...participating(accountId, conversationId, added),
        { kind: 'contact', accountId, conversationId, contactPrefix: contactPrefixOf(contact.id), email: contact.email, startedAt },
      ];
    }
    default:
      return [];
  }
}

/**
 * The entries threading writes for its own decision before it appends it: those of the events the
 * command makes on a conversation with no history. On the real conversation the command makes the
 * same keys, and at most the same participants (those already there are left out, a repeat makes
 * nothing); since keys are kept by the first to claim them and participants only join, both leave
 * the directory the same.
 */
export function directoryEntriesOfDecision(command: Extract<ConversationCommand, { type: 'StartConversation' | 'ReceiveMessage' }>): DirectoryEntry[] {
  return conversationDecider.decide(command, conversationDecider.initialState()).flatMap(directoryEntriesOf);
}

function messageKeys(accountId: string, conversationId: string, internetMessageId: string | null, threadIndex: string | null): DirectoryEntry[] {
  const root = threadIndexRoot(threadIndex);
  return [
    ...(internetMessageId ? [{ kind: 'key' as const, accountId, keyKind: 'message' as const, key: internetMessageId, conversationId }] : []),
    ...(root ? [{ kind: 'key' as const, accountId, keyKind: 'thread-index' as const, key: root, conversationId }] : []),
  ];
}

function participating(accountId: string, conversationId: string, addresses: string[]): DirectoryEntry[] {
  return addresses.length > 0 ? [{ kind: 'participants', accountId, conversationId, addresses }] : [];
}
