import { Inject, Injectable } from '@nestjs/common';
import { contextCausedBy } from '../../../shared/application/command-context';
import { EventSourcing } from '../../../shared/application/event-sourcing.service';
import { BLOB_STORE, type BlobStore } from '../../../shared/blobs/blob-store';
import type { RecordedEvent } from '../../../shared/event-store/event-store.port';
import type { ProcessManager } from '../../../shared/projections/projection';
import { RegisterProcessManager } from '../../../shared/projections/subscription.decorators';
import { contactIdFor } from '../../contacts/contract';
import { submissionText, type FormSubmitted } from '../../forms/contract';
import { conversationDecider, conversationStream, type InboundMessage } from '../domain/conversation.decider';

/**
 * A form submission opens a conversation (channel `form`) with the submitter as its contact; the
 * first message holds the fields as "label: value" lines, stored like a mail's text so the thread
 * shows it like any other message. The contact itself follows from ConversationStarted, as for mail.
 */
@Injectable()
@RegisterProcessManager()
export class StartFormConversation implements ProcessManager {
  readonly name = 'start-form-conversation';
  readonly eventTypes = ['FormSubmitted'];

  constructor(
    private readonly eventSourcing: EventSourcing,
    @Inject(BLOB_STORE) private readonly blobs: BlobStore,
  ) {}

  async handleBatch(events: RecordedEvent[]): Promise<void> {
    // Every submission opens its own conversation, so they are independent of each other.
    await Promise.all(events.map((event) => this.handle(event)));
  }

  async handle(event: RecordedEvent): Promise<void> {
    const submitted = event.data as FormSubmitted['data'];
    const { accountId, conversationId, contact: person } = submitted;
    const text = submissionText(submitted.fields);
    // Content-addressed and durable before the append that names it, as for inbound mail bodies.
    const stored = await this.blobs.put(Buffer.from(text, 'utf8'));
    const contact = { id: contactIdFor(accountId, person.email), email: person.email, name: person.name || person.email };
    const message: InboundMessage = {
      messageId: submitted.submissionId,
      internetMessageId: null,
      references: [],
      threadIndex: null,
      from: { name: person.name, address: person.email },
      to: [],
      cc: [],
      subject: submitted.subject,
      sentAt: submitted.submittedAt,
      receivedAt: submitted.submittedAt,
      kind: 'form',
      text: stored,
      html: null,
      replyText: text,
      attachments: [],
      omitted: [],
      receivedWhileDisabled: false,
    };
    await this.eventSourcing.decide(
      conversationStream(conversationId),
      conversationDecider,
      { type: 'StartFormConversation', conversationId, accountId, contact, message },
      contextCausedBy(event, this.name),
    );
  }
}
