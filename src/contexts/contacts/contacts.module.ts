import { Module } from '@nestjs/common';
import { ChannelConfigurationModule } from '../channel-configuration/channel-configuration.module';
import { ConversationsModule } from '../conversations/conversations.module';
import { CreateContactForConversation } from './application/create-contact-for-conversation.process-manager';
import { ContactsController } from './http/contacts.controller';
import { ContactsQueries } from './read-models/contacts.queries';

@Module({
  imports: [ChannelConfigurationModule, ConversationsModule],
  controllers: [ContactsController],
  providers: [ContactsQueries, CreateContactForConversation],
  exports: [ContactsQueries],
})
export class ContactsModule {}
