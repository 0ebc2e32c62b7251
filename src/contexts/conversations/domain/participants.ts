/** The part of a mail that names people: who sent it and who it went to. */
interface AddressedMessage {
  from: { address: string } | null;
  to: Array<{ address: string }>;
  cc: Array<{ address: string }>;
}

/** An address on our inbox domain (a forwarding address, a plus-address of one): never a participant. */
export function isOwnAddress(address: string, ownDomain: string): boolean {
  return address.endsWith(`.${ownDomain}`) || address.endsWith(`@${ownDomain}`);
}

/** Everyone on the mail who is not us: the sender, To and Cc. */
export function participantsOf(message: AddressedMessage, ownDomain: string): string[] {
  const all = [message.from, ...message.to, ...message.cc].filter((a): a is { address: string } => a !== null).map((a) => a.address);
  return [...new Set(all.filter((address) => !isOwnAddress(address, ownDomain)))];
}

/**
 * Who an event makes a participant of its conversation (none for other events). Threading only
 * lets a mail join a conversation its sender takes part in, so the conversation's state, its read
 * model and threading's directory must agree on this: they all ask here.
 */
export function participantsAddedBy(event: { type: string; data: unknown }): string[] {
  switch (event.type) {
    case 'ConversationStarted':
      return (event.data as { participants: string[] }).participants;
    case 'MessageReceived':
      return (event.data as { newParticipants: string[] }).newParticipants;
    case 'ChatVisitorIdentified':
      return [(event.data as { contact: { email: string } }).contact.email];
    case 'ReplyQueued': {
      // Everyone a reply or a forward went to, Bcc included: a person the agent chose to write to
      // who answers belongs in this conversation, not in a new one with them as its contact.
      const { to, cc, bcc } = event.data as { to: { address: string }; cc?: Array<{ address: string }>; bcc?: Array<{ address: string }> };
      return [to, ...(cc ?? []), ...(bcc ?? [])].map((person) => person.address);
    }
    default:
      return [];
  }
}

/** The participants after `added` joined: everyone once, in the order they came. */
export function mergeParticipants(participants: readonly string[], added: readonly string[]): string[] {
  return [...new Set([...participants, ...added])];
}
