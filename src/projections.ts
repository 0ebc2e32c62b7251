// Every read model the app runs, declared once. The app follows the log with these, and the
// projection thread (projection-host.worker.ts) applies the live feed with the same classes, each
// side with instances of its own. Process managers are not listed here: Nest builds them with
// their contexts' dependencies, and @RegisterProcessManager marks them.
import type { ProjectionClass } from './shared/projections/projection';
import { AccountsProjection } from './contexts/accounts/read-models/accounts.projection';
import { InvitationsProjection } from './contexts/accounts/read-models/invitations.projection';
import { ChannelsProjection } from './contexts/channel-configuration/read-models/channels.projection';
import { InboundMailProjection } from './contexts/inbound-mail/read-models/inbound-mail.projection';
import { ConversationsProjection } from './contexts/conversations/read-models/conversations.projection';
import { ConversationSearchProjection } from './contexts/conversations/read-models/conversation-search.projection';
import { ConversationCountsProjection } from './contexts/conversations/read-models/conversation-counts.projection';
import { ConversationReadsProjection } from './contexts/conversations/read-models/conversation-reads.projection';
import { NotificationsProjection } from './contexts/conversations/read-models/notifications.projection';
import { SavedRepliesProjection } from './contexts/conversations/read-models/saved-replies.projection';
import { DraftsProjection } from './contexts/conversations/read-models/drafts.projection';
import { TagsProjection } from './contexts/conversations/read-models/tags.projection';
import { UserMailProjection } from './contexts/conversations/read-models/user-mail.projection';
import { ContactsProjection } from './contexts/contacts/read-models/contacts.projection';
import { FormsProjection } from './contexts/forms/read-models/forms.projection';

export const projections: readonly ProjectionClass[] = [
  AccountsProjection,
  InvitationsProjection,
  ChannelsProjection,
  InboundMailProjection,
  ConversationsProjection,
  ConversationSearchProjection,
  ConversationCountsProjection,
  ConversationReadsProjection,
  NotificationsProjection,
  SavedRepliesProjection,
  DraftsProjection,
  TagsProjection,
  UserMailProjection,
  ContactsProjection,
  FormsProjection,
];
