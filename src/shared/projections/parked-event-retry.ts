import type { EventStore, RecordedEvent } from '../event-store/event-store.port';
import type { ParkedEvent, ParkedEventStore } from './parked-events';
import { ProcessManagerRunner } from './process-manager.runner';
import { ProjectionRunner } from './projection.runner';

export type RetryOutcome = { id: number; retried: true } | { id: number; retried: false; error: string };

/**
 * Applies a parked event again with the subscription that parked it: a projection in the read
 * models, a process manager through its command handlers. Success forgets the record; a new
 * failure stays on it (error, time, one more attempt). The runners need not be running: the
 * operator command builds them without following the log, beside a server that does.
 */
export class ParkedEventRetry {
  constructor(
    private readonly store: EventStore,
    private readonly parked: ParkedEventStore,
    private readonly runners: Array<ProjectionRunner | ProcessManagerRunner>,
  ) {}

  async retry(id: number): Promise<RetryOutcome> {
    const record = this.parked.get(id);
    if (!record) return { id, retried: false, error: `no parked event has the id ${id}` };
    const event = await this.eventOf(record);
    if (!event) return { id, retried: false, error: `the event is no longer in the log (${record.streamId}@${record.revision})` };
    const runner = this.runners.find((candidate) => candidate.name === record.subscription);
    let error: string | null;
    if (runner instanceof ProjectionRunner && record.kind === 'projection') error = runner.retryParked(record, event);
    else if (runner instanceof ProcessManagerRunner && record.kind === 'process-manager') error = await runner.retryParked(record, event);
    else error = `no ${record.kind} named ${record.subscription} runs here`;
    return error === null ? { id, retried: true } : { id, retried: false, error };
  }

  private async eventOf(record: ParkedEvent): Promise<RecordedEvent | null> {
    const [atPosition] = await this.store.readAll({ fromPosition: BigInt(record.position), maxCount: 1 });
    if (atPosition && atPosition.streamId === record.streamId && atPosition.revision === record.revision) return atPosition;
    // Positions are the adapter's to define; the stream and revision name the event everywhere.
    return (await this.store.readStream(record.streamId)).find((event) => event.revision === record.revision) ?? null;
  }
}
