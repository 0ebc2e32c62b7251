import type { EventSchemas } from '../../../shared/domain/event-schema';
import { AddressClaimedData, SubdomainClaimedData } from './address-claims.decider';
import { ChatChannelDisabledData, ChatChannelEnabledData } from './chat-channel.decider';
import {
  ChannelSignatureChangedData,
  DefaultSubjectChangedData,
  EmailChannelCreatedData,
  EmailChannelDisabledData,
  EmailChannelEnabledData,
  ForwardingAddressClaimedData,
  FromNameChangedData,
  PlainTextOnlyChangedData,
  QuoteHistoryChangedData,
  ReplySubjectChangedData,
} from './email-channel.decider';
import { ForwardingConfirmationReceivedData } from './forwarding-confirmation';

/** ChannelConfiguration's part of the app's event registry. */
export const channelConfigurationEventSchemas: EventSchemas = {
  SubdomainClaimed: SubdomainClaimedData,
  AddressClaimed: AddressClaimedData,
  ChatChannelEnabled: ChatChannelEnabledData,
  ChatChannelDisabled: ChatChannelDisabledData,
  EmailChannelCreated: EmailChannelCreatedData,
  EmailChannelEnabled: EmailChannelEnabledData,
  EmailChannelDisabled: EmailChannelDisabledData,
  DefaultSubjectChanged: DefaultSubjectChangedData,
  FromNameChanged: FromNameChangedData,
  PlainTextOnlyChanged: PlainTextOnlyChangedData,
  ChannelSignatureChanged: ChannelSignatureChangedData,
  ReplySubjectChanged: ReplySubjectChangedData,
  QuoteHistoryChanged: QuoteHistoryChangedData,
  ForwardingAddressClaimed: ForwardingAddressClaimedData,
  ForwardingConfirmationReceived: ForwardingConfirmationReceivedData,
};
