import { join } from 'node:path';
import { Module } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import { APP_CONFIG, type AppConfig } from '../../shared/config/app-config';
import { AccountsModule } from '../accounts/accounts.module';
import { ChannelConfigurationModule } from '../channel-configuration/channel-configuration.module';
import { IdentifyChatVisitorHandler, ReceiveChatMessageHandler } from './application/chat-intake.commands';
import { ReplyComposer } from './application/reply-composer';
import { ReplyOutbox } from './application/reply-outbox';
import { QueueUserMailHandler } from './application/queue-user-mail.command';
import { RetryReplyHandler } from './application/retry-reply.command';
import { SendReplyHandler } from './application/send-reply.command';
import { ForwardConversationHandler } from './application/forward-conversation.command';
import { SaveDraftHandler } from './application/save-draft.command';
import { UndoReplyHandler } from './application/undo-reply.command';
import { FileOutboundMailer } from './outbound/file.outbound-mailer';
import { OUTBOUND_MAILER, type OutboundMailer } from './outbound/outbound-mailer';
import { SmtpOutboundMailer } from './outbound/smtp.outbound-mailer';
import { ActOnConversationHandler } from './application/act-on-conversation.command';
import { BulkActOnConversationsHandler } from './application/bulk-act-on-conversations.command';
import { SeeConversationHandler } from './application/see-conversation.command';
import { ThreadInboundMail } from './application/thread-inbound-mail.process-manager';
import { StartFormConversation } from './application/start-form-conversation.process-manager';
import { AssigneesController } from './http/assignees.controller';
import { BulkActionsController } from './http/bulk-actions.controller';
import { ConversationsController } from './http/conversations.controller';
import { ConversationReadsController } from './http/conversation-reads.controller';
import { InboxStreamController } from './http/inbox-stream.controller';
import { AddNoteHandler } from './application/add-note.command';
import { MarkNotificationsReadHandler } from './application/mark-notifications-read.command';
import { NotesController } from './http/notes.controller';
import { NotificationsController } from './http/notifications.controller';
import { NotificationsQueries } from './read-models/notifications.queries';
import { PresenceController } from './http/presence.controller';
import { SavedRepliesController } from './http/saved-replies.controller';
import { ChangeSavedReplyHandler } from './application/change-saved-reply.command';
import { CreateSavedReplyHandler } from './application/create-saved-reply.command';
import { DeleteSavedReplyHandler } from './application/delete-saved-reply.command';
import { SavedRepliesQueries } from './read-models/saved-replies.queries';
import { DraftsController } from './http/drafts.controller';
import { SnoozeController } from './http/snooze.controller';
import { SnoozeConversationHandler } from './application/snooze-conversation.command';
import { SnoozeWakeUps } from './application/snooze-wake-ups';
import { ConversationsQueries } from './read-models/conversations.queries';
import { InboxQueries } from './read-models/inbox.queries';
import { TagsQueries } from './read-models/tags.queries';
import { TagsController } from './http/tags.controller';
import { SetConversationTagsHandler } from './application/set-conversation-tags.command';
import { RenameTagHandler } from './application/rename-tag.command';
import { DeleteTagHandler } from './application/delete-tag.command';
import { UploadAttachmentHandler } from './application/upload-attachment.command';
import { UploadsController } from './http/uploads.controller';

@Module({
  controllers: [
    ConversationsController,
    ConversationReadsController,
    InboxStreamController,
    AssigneesController,
    BulkActionsController,
    NotesController,
    NotificationsController,
    PresenceController,
    SavedRepliesController,
    DraftsController,
    SnoozeController,
    TagsController,
    UploadsController,
  ],
  imports: [
    AccountsModule,
    ChannelConfigurationModule,
    // Uploads stay in memory (bounded per file) until the blob store has them; one file and one small
    // field per request. Browsers send a file's name as raw UTF-8, which multer would read as Latin-1.
    MulterModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        defParamCharset: 'utf8',
        limits: { fileSize: config.replyAttachments.maxFileBytes, files: 1, fields: 2, fieldSize: 1024, parts: 3 },
      }),
    }),
  ],
  providers: [
    ConversationsQueries,
    InboxQueries,
    TagsQueries,
    SetConversationTagsHandler,
    RenameTagHandler,
    DeleteTagHandler,
    UploadAttachmentHandler,
    ThreadInboundMail,
    ActOnConversationHandler,
    BulkActOnConversationsHandler,
    SeeConversationHandler,
    StartFormConversation,
    SendReplyHandler,
    ForwardConversationHandler,
    RetryReplyHandler,
    SaveDraftHandler,
    UndoReplyHandler,
    ReceiveChatMessageHandler,
    IdentifyChatVisitorHandler,
    AddNoteHandler,
    NotificationsQueries,
    MarkNotificationsReadHandler,
    ReplyComposer,
    ReplyOutbox,
    QueueUserMailHandler,
    SavedRepliesQueries,
    CreateSavedReplyHandler,
    ChangeSavedReplyHandler,
    DeleteSavedReplyHandler,
    SnoozeConversationHandler,
    SnoozeWakeUps,
    {
      provide: OUTBOUND_MAILER,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig): OutboundMailer =>
        config.outboundSmtpUrl ? new SmtpOutboundMailer(config.outboundSmtpUrl, config.dkim) : new FileOutboundMailer(join(config.dataDir, 'outbox'), config.dkim),
    },
  ],
  exports: [ConversationsQueries, OUTBOUND_MAILER],
})
export class ConversationsModule {}
