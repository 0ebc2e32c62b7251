import { Injectable } from '@nestjs/common';
import { contextCausedBy } from '../../../shared/application/command-context';
import { EventSourcing } from '../../../shared/application/event-sourcing.service';
import type { Decider } from '../../../shared/domain/decider';
import type { RecordedEvent } from '../../../shared/event-store/event-store.port';
import type { ProcessManager } from '../../../shared/projections/projection';
import { RegisterProcessManager } from '../../../shared/projections/subscription.decorators';
import type { InboundMailAccepted } from '../../inbound-mail/contract';
import { forwardingConfirmationStream, type ForwardingConfirmationReceived } from '../domain/forwarding-confirmation';

const confirmations: Decider<null, ForwardingConfirmationReceived['data'], ForwardingConfirmationReceived> = {
  initialState: () => null,
  evolve: (state) => state,
  decide: (confirmation) => [{ type: 'ForwardingConfirmationReceived', data: confirmation }],
};

@Injectable()
@RegisterProcessManager()
export class RecordForwardingConfirmation implements ProcessManager {
  readonly name = 'record-forwarding-confirmation';
  readonly eventTypes = ['InboundMailAccepted'];

  constructor(private readonly eventSourcing: EventSourcing) {}

  async handle(event: RecordedEvent): Promise<void> {
    const { accountId, mail, receivedAt } = event.data as InboundMailAccepted['data'];
    if (mail.kind !== 'provider-confirmation' || !mail.providerConfirmation) return;
    const { provider, code, link } = mail.providerConfirmation;
    await this.eventSourcing.decide(
      forwardingConfirmationStream(accountId),
      confirmations,
      { accountId, provider, code, link, receivedAt },
      contextCausedBy(event, this.name),
    );
  }
}
