import { Injectable } from '@nestjs/common';
import { contextCausedBy } from '../../../shared/application/command-context';
import { EventSourcing } from '../../../shared/application/event-sourcing.service';
import type { RecordedEvent } from '../../../shared/event-store/event-store.port';
import type { ProcessManager } from '../../../shared/projections/projection';
import { RegisterProcessManager } from '../../../shared/projections/subscription.decorators';
import type { ChatVisitorIdentified, ConversationStarted } from '../../conversations/contract';
import { contactDecider, contactStream } from '../domain/contact.decider';

/**
 * The person a conversation is with becomes a contact when the account does not know them yet.
 * Reacting to ConversationStarted (not to every mail) is what keeps Cc participants who reply,
 * auto-replies and bounces from becoming contacts: they never start a conversation. A chat visitor
 * becomes one when they leave an email address.
 */
@Injectable()
@RegisterProcessManager()
export class CreateContactForConversation implements ProcessManager {
  readonly name = 'create-contact-for-conversation';
  readonly eventTypes = ['ConversationStarted', 'ChatVisitorIdentified'];

  constructor(private readonly eventSourcing: EventSourcing) {}

  /** Different contacts are created side by side; one contact's events stay in order. */
  async handleBatch(events: RecordedEvent[]): Promise<void> {
    const byContact = new Map<string, RecordedEvent[]>();
    for (const event of events) {
      const id = (event.data as ConversationStarted['data']).contact.id;
      byContact.set(id, [...(byContact.get(id) ?? []), event]);
    }
    await Promise.all([...byContact.values()].map(async (mine) => {
      for (const event of mine) await this.handle(event);
    }));
  }

  async handle(event: RecordedEvent): Promise<void> {
    const { accountId, contact } = event.data as ConversationStarted['data'] | ChatVisitorIdentified['data'];
    if (!contact.email) return;
    const channel = event.type === 'ConversationStarted' ? (event.data as ConversationStarted['data']).channel : 'chat';
    await this.eventSourcing.decide(
      contactStream(contact.id),
      contactDecider,
      { type: 'CreateContact', accountId, email: contact.email, name: contact.name, source: channel },
      contextCausedBy(event, this.name),
    );
  }
}
