import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { ChannelConfigurationModule } from '../channel-configuration/channel-configuration.module';
import { ConversationsModule } from '../conversations/conversations.module';
import { ChatRateLimiter } from './application/chat-rate-limiter';
import { ClaimVisitorEmailHandler } from './application/claim-visitor-email.command';
import { VerifyVisitorEmailHandler } from './application/verify-visitor-email.command';
import { ChatSessionGuard } from './http/chat-session.guard';
import { ChatVisitorController } from './http/chat-visitor.controller';

/** The chat widget's intake: visitors' lines and email addresses handed to Conversations. */
@Module({
  imports: [AccountsModule, ChannelConfigurationModule, ConversationsModule],
  controllers: [ChatVisitorController],
  providers: [ChatSessionGuard, ChatRateLimiter, ClaimVisitorEmailHandler, VerifyVisitorEmailHandler],
})
export class ChatModule {}
