// Child process of the durability test: 8 concurrent writers append forever and print each
// acknowledged append as one JSON line, until the parent SIGKILLs the process.
import { SqliteEventStore } from '../../src/shared/event-store/sqlite.event-store';
import { testEvent } from '../../src/shared/event-store/event-store.contract';

const store = new SqliteEventStore(process.argv[2]);

async function writer(w: number): Promise<never> {
  for (let revision = 0; ; revision++) {
    const stream = `durable-w${w}`;
    const result = await store.appendToStream(stream, [testEvent('Appended', { w, revision })], {
      expectedRevision: revision === 0 ? 'no_stream' : revision - 1,
    });
    process.stdout.write(`${JSON.stringify({ stream, revision, position: result.position.toString() })}\n`);
  }
}

for (let w = 0; w < 8; w++) void writer(w);
