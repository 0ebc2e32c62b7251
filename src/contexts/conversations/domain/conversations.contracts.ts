import type { EventSchemas, Upcasters } from '../../../shared/domain/event-schema';
import { conformingMailFields, headerTokenOf, messageIdListOf } from '../../inbound-mail/contract';
import { ChatMessageReceivedData, ChatReplyPostedData, ChatVisitorIdentifiedData } from './chat-conversation';
import { ConversationSeenData } from './conversation-seen.decider';
import { NotificationsReadData } from './notifications.decider';
import {
  ConversationAssignedData,
  ConversationClosedData,
  ConversationReopenedData,
  ConversationStartedData,
  InboundMessage,
  MessageReceivedData,
} from './conversation.decider';
import { NoteAddedData } from './internal-note';
import { ReplyQueuedData } from './outgoing-reply';
import { SavedReplyChangedData, SavedReplyCreatedData, SavedReplyDeletedData } from './saved-reply.decider';
import { ReplyDeliveredData, ReplyDeliveryFailedData, ReplyDeliveryStartedData, ReplyRetryRequestedData, ReplyUndoneData } from './reply-delivery.decider';
import { DraftDiscardedData, DraftSavedData } from './draft.decider';
import { ConversationSnoozedData, ConversationWokeData } from './snooze';
import { ConversationTagsChangedData } from './conversation-tags';
import { AttachmentUploadedData } from './reply-attachments';
import { UserMailQueuedData } from './user-mail';
import { TagCreatedData, TagDeletedData, TagRenamedData } from './tag-catalogue.decider';

/** Conversations' part of the app's event registry. */
export const conversationsEventSchemas: EventSchemas = {
  ConversationStarted: ConversationStartedData,
  MessageReceived: MessageReceivedData,
  ConversationReopened: ConversationReopenedData,
  ConversationClosed: ConversationClosedData,
  ConversationAssigned: ConversationAssignedData,
  ReplyQueued: ReplyQueuedData,
  ChatMessageReceived: ChatMessageReceivedData,
  ChatVisitorIdentified: ChatVisitorIdentifiedData,
  ChatReplyPosted: ChatReplyPostedData,
  ReplyDeliveryStarted: ReplyDeliveryStartedData,
  ReplyDelivered: ReplyDeliveredData,
  UserMailQueued: UserMailQueuedData,
  ReplyDeliveryFailed: ReplyDeliveryFailedData,
  ReplyRetryRequested: ReplyRetryRequestedData,
  ReplyUndone: ReplyUndoneData,
  DraftSaved: DraftSavedData,
  DraftDiscarded: DraftDiscardedData,
  ConversationSeen: ConversationSeenData,
  NoteAdded: NoteAddedData,
  NotificationsRead: NotificationsReadData,
  SavedReplyCreated: SavedReplyCreatedData,
  SavedReplyChanged: SavedReplyChangedData,
  SavedReplyDeleted: SavedReplyDeletedData,
  ConversationSnoozed: ConversationSnoozedData,
  ConversationWoke: ConversationWokeData,
  ConversationTagsChanged: ConversationTagsChangedData,
  TagCreated: TagCreatedData,
  TagRenamed: TagRenamedData,
  TagDeleted: TagDeletedData,
  AttachmentUploaded: AttachmentUploadedData,
};

export const conversationsUpcasters: Upcasters = {
  // Threading copied the parsed mail as intake stored it, broken fields included (see InboundMail's upcaster).
  MessageReceived: (data) => {
    const received = data as { message?: unknown };
    const message = (received.message && typeof received.message === 'object' ? received.message : {}) as Record<string, unknown>;
    const kind = InboundMessage.shape.kind.safeParse(message.kind);
    return {
      ...received,
      message: {
        ...message,
        ...conformingMailFields(message),
        internetMessageId: headerTokenOf(message.internetMessageId),
        references: messageIdListOf(message.references),
        kind: kind.success ? kind.data : 'mail',
      },
    };
  },
};
