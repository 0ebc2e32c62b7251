// The projection thread's entry (see ProjectionHost): every read model the app runs, applied off
// the thread that serves HTTP and SMTP. The projections are plain classes over a SQLite handle, so
// the thread builds them without Nest; the app tells it which names to expect and it refuses to
// start when one is missing here.
import { serveProjections } from './shared/projections/projection-host';
import { AccountsProjection } from './contexts/accounts/read-models/accounts.projection';
import { ChannelsProjection } from './contexts/channel-configuration/read-models/channels.projection';
import { InboundMailProjection } from './contexts/inbound-mail/read-models/inbound-mail.projection';
import { ConversationsProjection } from './contexts/conversations/read-models/conversations.projection';
import { ConversationSearchProjection } from './contexts/conversations/read-models/conversation-search.projection';
import { ConversationCountsProjection } from './contexts/conversations/read-models/conversation-counts.projection';
import { ConversationReadsProjection } from './contexts/conversations/read-models/conversation-reads.projection';
import { ContactsProjection } from './contexts/contacts/read-models/contacts.projection';
import { FormsProjection } from './contexts/forms/read-models/forms.projection';

serveProjections([
  new AccountsProjection(),
  new ChannelsProjection(),
  new InboundMailProjection(),
  new ConversationsProjection(),
  new ConversationSearchProjection(),
  new ConversationCountsProjection(),
  new ConversationReadsProjection(),
  new ContactsProjection(),
  new FormsProjection(),
]);
