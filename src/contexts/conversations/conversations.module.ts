import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts';
import { ActOnConversationHandler } from './application/act-on-conversation.command';
import { ThreadInboundMail } from './application/thread-inbound-mail.process-manager';
import { StartFormConversation } from './application/start-form-conversation.process-manager';
import { ConversationsController } from './http/conversations.controller';
import { InboxStreamController } from './http/inbox-stream.controller';
import { ConversationsProjection } from './read-models/conversations.projection';
import { ConversationsQueries } from './read-models/conversations.queries';
import { ContactThreadsQueries } from './read-models/contact-threads.queries';

@Module({
  controllers: [ConversationsController, InboxStreamController],
  imports: [AccountsModule],
  providers: [ConversationsProjection, ConversationsQueries, ThreadInboundMail, ActOnConversationHandler, StartFormConversation, ContactThreadsQueries],
  exports: [ConversationsQueries],
})
export class ConversationsModule {}
