import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import { NotFound } from '../../../shared/domain/domain-error';
import { Allow } from '../../../shared/http/access';
import { ChannelsQueries } from '../../channel-configuration/contract';
import { ConversationsQueries } from '../../conversations/contract';
import { SERVER_SECRET } from '../../../shared/config/server-secret';
import { contactReplyAddress } from '../../../shared/domain/reply-address';
import { NoForwardingAddress } from '../domain/contacts.errors';
import { CurrentUser, type SignedInUser } from '../../../shared/http/signed-in-user';
import { ContactsQueries } from '../read-models/contacts.queries';
import { ContactListAnswer, ContactProfileAnswer, ReplyAddressAnswer } from './contacts.answers';

@ApiTags('contacts')
@Controller('contacts')
@Allow('contacts.read')
export class ContactsController {
  constructor(
    private readonly contacts: ContactsQueries,
    private readonly channels: ChannelsQueries,
    private readonly conversations: ConversationsQueries,
    @Inject(SERVER_SECRET) private readonly secret: string,
  ) {}

  @Get()
  @ApiOkResponse({ type: ContactListAnswer })
  @ApiQuery({ name: 'q', required: false, description: 'part of a name or address' })
  list(@CurrentUser() user: SignedInUser, @Query('q') q?: string): ContactListAnswer {
    return { items: this.contacts.search(user.accountId, q) };
  }

  @Get(':id')
  @ApiOkResponse({ type: ContactProfileAnswer })
  profile(@Param('id') id: string, @CurrentUser() user: SignedInUser): ContactProfileAnswer {
    const contact = this.contacts.contact(user.accountId, id);
    if (!contact) throw new NotFound('Contact');
    return {
      ...contact,
      emails: [contact.email],
      // Status and last activity are Conversations' to know: read from its inbox read model.
      conversations: this.contacts.conversations(id).map((conversation) => {
        const summary = this.conversations.conversation(user.accountId, conversation.id);
        return { ...conversation, status: summary?.status ?? 'open', lastMessageAt: summary?.lastMessageAt ?? conversation.startedAt };
      }),
      recentActivity: this.contacts.recentActivity(id),
    };
  }

  /** The contact's own plus-address on the forwarding address, for the Reply-To of campaign mail. */
  @Get(':id/reply-address')
  @Allow('contacts.reply-address.read')
  @ApiOkResponse({ type: ReplyAddressAnswer })
  replyAddress(@Param('id') id: string, @CurrentUser() user: SignedInUser): ReplyAddressAnswer {
    if (!this.contacts.contact(user.accountId, id)) throw new NotFound('Contact');
    const forwarding = this.channels.emailChannel(user.accountId)?.forwardingAddress;
    if (!forwarding) throw new NoForwardingAddress();
    return { address: contactReplyAddress(forwarding, this.secret, user.accountId, id) };
  }
}
