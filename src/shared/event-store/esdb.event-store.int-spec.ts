import { describeEventStoreContract } from './event-store.contract';
import { EventStoreDbEventStore } from './esdb.event-store';

// The EventStoreDB adapter passes the same contract as the embedded store, against a real server.
// No server can run on the development machines; set EVENTSTORE_URL (e.g. esdb://localhost:2113?tls=false)
// to run it, as docker-compose.yml does.
const url = process.env.EVENTSTORE_URL;

if (url) {
  describeEventStoreContract('EventStoreDbEventStore', async (upcast) => EventStoreDbEventStore.fromConnectionString(url, upcast));
} else {
  describe('EventStore contract: EventStoreDbEventStore', () => {
    console.warn('SKIPPED: EventStoreDB contract suite: EVENTSTORE_URL is not set, so there is no server to run it against.');
    it.skip('runs only when EVENTSTORE_URL points at an EventStoreDB server (skipped: EVENTSTORE_URL is not set)', () => undefined);
  });
}
