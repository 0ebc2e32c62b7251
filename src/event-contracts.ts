// The app's one registry of event types: every context contributes the schemas of the events it
// writes (and the upcasters of those whose stored shapes drifted) through its contract. Appends check
// against it, and the event store adapters upcast with it on every read.
import { accountsEventSchemas } from './contexts/accounts/contract';
import { channelConfigurationEventSchemas } from './contexts/channel-configuration/contract';
import { chatEventSchemas } from './contexts/chat/contract';
import { contactsEventSchemas } from './contexts/contacts/contract';
import { conversationsEventSchemas, conversationsUpcasters } from './contexts/conversations/contract';
import { formsEventSchemas } from './contexts/forms/contract';
import { inboundMailEventSchemas, inboundMailUpcasters } from './contexts/inbound-mail/contract';
import type { EventSchemas } from './shared/domain/event-schema';
import { EventContracts } from './shared/event-store/event-contracts';

const contributions: EventSchemas[] = [
  accountsEventSchemas,
  channelConfigurationEventSchemas,
  inboundMailEventSchemas,
  contactsEventSchemas,
  conversationsEventSchemas,
  formsEventSchemas,
  chatEventSchemas,
];

function merged(parts: EventSchemas[]): EventSchemas {
  const all: Record<string, EventSchemas[string]> = {};
  for (const part of parts) {
    for (const [type, schema] of Object.entries(part)) {
      // Types are global in the log: two contexts must never claim the same name.
      if (all[type]) throw new Error(`Two contexts register the event type ${type}`);
      all[type] = schema;
    }
  }
  return all;
}

export const eventContracts = new EventContracts(merged(contributions), { ...inboundMailUpcasters, ...conversationsUpcasters });
