import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { NotFound } from '../../../shared/domain/domain-error';
import { ALL_ROLES, Allow } from '../../../shared/http/access';
import { CurrentUser, type SignedInUser } from '../../../shared/http/signed-in-user';
import { ContactsQueries, type ContactView } from '../read-models/contacts.queries';

@ApiTags('contacts')
@Controller('contacts')
@Allow(ALL_ROLES)
export class ContactsController {
  constructor(private readonly contacts: ContactsQueries) {}

  @Get()
  list(@CurrentUser() user: SignedInUser, @Query('q') q?: string): { items: ContactView[] } {
    return { items: this.contacts.search(user.accountId, q) };
  }

  @Get(':id')
  profile(@Param('id') id: string, @CurrentUser() user: SignedInUser) {
    const contact = this.contacts.contact(user.accountId, id);
    if (!contact) throw new NotFound('Contact');
    return {
      ...contact,
      emails: [contact.email],
      conversations: this.contacts.conversations(id),
      recentActivity: this.contacts.recentActivity(id),
    };
  }
}
