import { Injectable } from '@nestjs/common';
import { contextCausedBy } from '../../../shared/application/command-context';
import { EventSourcing } from '../../../shared/application/event-sourcing.service';
import type { RecordedEvent } from '../../../shared/event-store/event-store.port';
import type { ProcessManager } from '../../../shared/projections/projection';
import { RegisterProcessManager } from '../../../shared/projections/subscription.decorators';
import type { AccountOpened } from '../../accounts/contract';
import { emailChannelDecider, emailChannelStream } from '../domain/email-channel.decider';

/** Opening an account, as a trial or by buying seats, switches its email channel on. */
@Injectable()
@RegisterProcessManager()
export class OpenEmailChannelOnAccountOpened implements ProcessManager {
  readonly name = 'open-email-channel';
  readonly eventTypes = ['AccountOpened'];

  constructor(private readonly eventSourcing: EventSourcing) {}

  async handle(event: RecordedEvent): Promise<void> {
    const { accountId, name } = event.data as AccountOpened['data'];
    await this.eventSourcing.decide(
      emailChannelStream(accountId),
      emailChannelDecider,
      { type: 'OpenEmailChannel', accountId, accountName: name },
      contextCausedBy(event, this.name),
    );
  }
}
