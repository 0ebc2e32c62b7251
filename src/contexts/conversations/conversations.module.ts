import { Module } from '@nestjs/common';
import { ThreadInboundMail } from './application/thread-inbound-mail.process-manager';
import { ConversationsController } from './http/conversations.controller';
import { ConversationsProjection } from './read-models/conversations.projection';
import { ConversationsQueries } from './read-models/conversations.queries';

@Module({
  controllers: [ConversationsController],
  providers: [ConversationsProjection, ConversationsQueries, ThreadInboundMail],
  exports: [ConversationsQueries],
})
export class ConversationsModule {}
