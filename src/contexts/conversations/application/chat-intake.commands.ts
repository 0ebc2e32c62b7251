import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { CommandContext } from '../../../shared/application/command-context';
import { EventSourcing } from '../../../shared/application/event-sourcing.service';
import { deterministicId } from '../../../shared/domain/deterministic-id';
import { contactIdFor } from '../../contacts/contract';
import { conversationDecider, conversationStream, type ConversationContact } from '../domain/conversation.decider';

export interface ChatVisitor {
  name: string;
  email: string | null;
}

/** The contact a visitor is: the account's contact for their email, or an anonymous visitor of this conversation. */
function visitorContact(accountId: string, conversationId: string, visitor: ChatVisitor): ConversationContact {
  const name = visitor.name.trim();
  if (!visitor.email) return { id: deterministicId('chat-visitor', conversationId), email: '', name: name || 'Visitor' };
  const email = visitor.email.trim().toLowerCase();
  return { id: contactIdFor(accountId, email), email, name: name || email.split('@')[0] };
}

/** A visitor's line in the chat widget; the first one starts the conversation. The email, if any, is one the visitor proved. */
export class ReceiveChatMessage extends Command<{ messageId: string }> {
  constructor(
    readonly conversationId: string,
    readonly visitor: ChatVisitor,
    readonly messageId: string,
    readonly text: string,
    readonly context: CommandContext & { accountId: string },
  ) {
    super();
  }
}

@CommandHandler(ReceiveChatMessage)
export class ReceiveChatMessageHandler implements ICommandHandler<ReceiveChatMessage> {
  constructor(private readonly eventSourcing: EventSourcing) {}

  async execute({ conversationId, visitor, messageId, text, context }: ReceiveChatMessage): Promise<{ messageId: string }> {
    const { accountId } = context;
    const contact = visitorContact(accountId, conversationId, visitor);
    const outcome = await this.eventSourcing.decide(
      conversationStream(conversationId),
      conversationDecider,
      { type: 'ReceiveChatMessage', conversationId, accountId, contact, messageId, text, now: new Date() },
      context,
    );
    await this.eventSourcing.waitForReadModels(outcome.position);
    return { messageId };
  }
}

/**
 * The visitor proved an email address (the chat context mailed it a code they entered): replies can
 * then reach them by email. Never sent for an address a visitor merely typed.
 */
export class IdentifyChatVisitor extends Command<void> {
  constructor(
    readonly conversationId: string,
    readonly visitor: ChatVisitor & { email: string },
    readonly context: CommandContext & { accountId: string },
  ) {
    super();
  }
}

@CommandHandler(IdentifyChatVisitor)
export class IdentifyChatVisitorHandler implements ICommandHandler<IdentifyChatVisitor> {
  constructor(private readonly eventSourcing: EventSourcing) {}

  async execute({ conversationId, visitor, context }: IdentifyChatVisitor): Promise<void> {
    const { accountId } = context;
    const outcome = await this.eventSourcing.decide(
      conversationStream(conversationId),
      conversationDecider,
      { type: 'IdentifyChatVisitor', conversationId, accountId, contact: visitorContact(accountId, conversationId, visitor) },
      context,
    );
    await this.eventSourcing.waitForReadModels(outcome.position);
  }
}
