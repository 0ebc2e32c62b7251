import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts';
import { ActOnConversationHandler } from './application/act-on-conversation.command';
import { SeeConversationHandler } from './application/see-conversation.command';
import { ThreadInboundMail } from './application/thread-inbound-mail.process-manager';
import { ConversationsController } from './http/conversations.controller';
import { ConversationReadsController } from './http/conversation-reads.controller';
import { InboxStreamController } from './http/inbox-stream.controller';
import { ConversationsProjection } from './read-models/conversations.projection';
import { ConversationsQueries } from './read-models/conversations.queries';
import { ConversationCountsProjection } from './read-models/conversation-counts.projection';
import { ConversationReadsProjection } from './read-models/conversation-reads.projection';
import { ConversationSearchProjection } from './read-models/conversation-search.projection';
import { InboxQueries } from './read-models/inbox.queries';

@Module({
  controllers: [ConversationsController, ConversationReadsController, InboxStreamController],
  imports: [AccountsModule],
  providers: [
    ConversationsProjection,
    ConversationSearchProjection,
    ConversationCountsProjection,
    ConversationReadsProjection,
    ConversationsQueries,
    InboxQueries,
    ThreadInboundMail,
    ActOnConversationHandler,
    SeeConversationHandler,
  ],
  exports: [ConversationsQueries],
})
export class ConversationsModule {}
