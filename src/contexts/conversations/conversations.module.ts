import { join } from 'node:path';
import { Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../shared/config/app-config';
import { AccountsModule } from '../accounts/accounts.module';
import { ChannelConfigurationModule } from '../channel-configuration/channel-configuration.module';
import { IdentifyChatVisitorHandler, ReceiveChatMessageHandler } from './application/chat-intake.commands';
import { ReplyComposer } from './application/reply-composer';
import { ReplyOutbox } from './application/reply-outbox';
import { RetryReplyHandler } from './application/retry-reply.command';
import { SendReplyHandler } from './application/send-reply.command';
import { FileOutboundMailer } from './outbound/file.outbound-mailer';
import { OUTBOUND_MAILER, type OutboundMailer } from './outbound/outbound-mailer';
import { SmtpOutboundMailer } from './outbound/smtp.outbound-mailer';
import { ActOnConversationHandler } from './application/act-on-conversation.command';
import { SeeConversationHandler } from './application/see-conversation.command';
import { ThreadInboundMail } from './application/thread-inbound-mail.process-manager';
import { StartFormConversation } from './application/start-form-conversation.process-manager';
import { AssigneesController } from './http/assignees.controller';
import { ConversationsController } from './http/conversations.controller';
import { ConversationReadsController } from './http/conversation-reads.controller';
import { InboxStreamController } from './http/inbox-stream.controller';
import { ConversationsQueries } from './read-models/conversations.queries';
import { InboxQueries } from './read-models/inbox.queries';
import { TagsQueries } from './read-models/tags.queries';
import { TagsController } from './http/tags.controller';
import { SetConversationTagsHandler } from './application/set-conversation-tags.command';
import { RenameTagHandler } from './application/rename-tag.command';
import { DeleteTagHandler } from './application/delete-tag.command';

@Module({
  controllers: [ConversationsController, ConversationReadsController, InboxStreamController, AssigneesController, TagsController],
  imports: [AccountsModule, ChannelConfigurationModule],
  providers: [
    ConversationsQueries,
    InboxQueries,
    TagsQueries,
    SetConversationTagsHandler,
    RenameTagHandler,
    DeleteTagHandler,
    ThreadInboundMail,
    ActOnConversationHandler,
    SeeConversationHandler,
    StartFormConversation,
    SendReplyHandler,
    RetryReplyHandler,
    ReceiveChatMessageHandler,
    IdentifyChatVisitorHandler,
    ReplyComposer,
    ReplyOutbox,
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
