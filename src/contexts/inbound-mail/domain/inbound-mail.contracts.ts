import type { EventSchemas, Upcasters } from '../../../shared/domain/event-schema';
import { conformingParsedMail } from './conforming-mail';
import { InboundMailAcceptedData, InboundMailFailedData, InboundMailUnroutedData } from './inbound-mail.events';
import { InboundTokenRotatedData } from './inbound-token';

/** InboundMail's part of the app's event registry. */
export const inboundMailEventSchemas: EventSchemas = {
  InboundMailAccepted: InboundMailAcceptedData,
  InboundMailFailed: InboundMailFailedData,
  InboundMailUnrouted: InboundMailUnroutedData,
  InboundTokenRotated: InboundTokenRotatedData,
};

export const inboundMailUpcasters: Upcasters = {
  // Builds before intake normalised mailparser's output stored it as it came: a content type of
  // `false`, a NaN size (stored as null), a name that was not a string, an invalid date.
  InboundMailAccepted: (data) => ({ ...(data as object), mail: conformingParsedMail((data as { mail?: unknown }).mail) }),
};
