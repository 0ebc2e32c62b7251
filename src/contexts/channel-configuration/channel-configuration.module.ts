import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { ChangeEmailChannelHandler } from './application/change-email-channel.command';
import { ClaimForwardingAddressHandler } from './application/claim-forwarding-address.command';
import { ChannelConfigurationAuditor } from './application/configuration-audit';
import { EmailPreview } from './application/email-preview';
import { OpenEmailChannelOnAccountOpened } from './application/open-email-channel.process-manager';
import { RecordForwardingConfirmation } from './application/record-forwarding-confirmation.process-manager';
import { SwitchChatChannelHandler } from './application/switch-chat-channel.command';
import { AuditController } from './http/audit.controller';
import { ChannelsController } from './http/channels.controller';
import { ChannelsQueries } from './read-models/channels.queries';

@Module({
  imports: [AccountsModule],
  controllers: [ChannelsController, AuditController],
  providers: [
    ChannelsQueries,
    EmailPreview,
    ChannelConfigurationAuditor,
    OpenEmailChannelOnAccountOpened,
    RecordForwardingConfirmation,
    ChangeEmailChannelHandler,
    ClaimForwardingAddressHandler,
    SwitchChatChannelHandler,
  ],
  exports: [ChannelsQueries, ChannelConfigurationAuditor],
})
export class ChannelConfigurationModule {}
