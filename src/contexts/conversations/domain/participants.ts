/** The part of a mail that names people: who sent it and who it went to. */
interface AddressedMessage {
  from: { address: string } | null;
  to: Array<{ address: string }>;
  cc: Array<{ address: string }>;
}

/** Everyone on the mail who is not us: the sender, To and Cc. */
export function participantsOf(message: AddressedMessage, ownDomain: string): string[] {
  const ours = (address: string) => address.endsWith(`.${ownDomain}`) || address.endsWith(`@${ownDomain}`);
  const all = [message.from, ...message.to, ...message.cc].filter((a): a is { address: string } => a !== null).map((a) => a.address);
  return [...new Set(all.filter((address) => !ours(address)))];
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
    default:
      return [];
  }
}

/** The participants after `added` joined: everyone once, in the order they came. */
export function mergeParticipants(participants: readonly string[], added: readonly string[]): string[] {
  return [...new Set([...participants, ...added])];
}
