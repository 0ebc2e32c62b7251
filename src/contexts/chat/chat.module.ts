import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts';
import { ChannelConfigurationModule } from '../channel-configuration';
import { ConversationsModule } from '../conversations';
import { ChatRateLimiter } from './application/chat-rate-limiter';
import { ChatSessionGuard } from './http/chat-session.guard';
import { ChatVisitorController } from './http/chat-visitor.controller';

/** The chat widget's intake: visitors' lines and email addresses handed to Conversations. */
@Module({
  imports: [AccountsModule, ChannelConfigurationModule, ConversationsModule],
  controllers: [ChatVisitorController],
  providers: [ChatSessionGuard, ChatRateLimiter],
})
export class ChatModule {}
